#include "codes/registry.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "codes/code_scheme.h"
#include "codes/credit_code.h"
#include "codes/item_code.h"

namespace qd {
namespace {

const std::string kAgencyA = "11440232MB2D06811W";
const std::string kAgencyB = "12441500196720244T";
const std::string kNight1 = "2024-05-01";
const std::string kNight2 = "2024-05-02";

// A county-level request for a locally catalogued main item.
CodeRequest local(const std::string& dept, const std::string& dept_number,
                  const std::string& agency, const std::string& name) {
  CodeRequest r;
  r.department = dept;
  r.dept_number = dept_number;
  r.name = name;
  r.type_code = "01";
  r.region = "13";
  r.agency_code = agency;
  r.level_code = "4";
  return r;
}

class RegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "qd_registry_XXXXXX";
    int fd = mkstemp(tmpl.data());
    ASSERT_GE(fd, 0);
    close(fd);
    std::remove(tmpl.c_str());  // let SQLite create it
    path_ = tmpl + ".db";
    reopen();
  }
  void TearDown() override {
    reg_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  // Closes and opens the registry file again, like the next night's build.
  void reopen() {
    reg_.reset();
    auto r = Registry::open(path_);
    ASSERT_TRUE(r.ok()) << r.error().str();
    reg_ = std::move(r.value());
  }
  // Assigns and expects success.
  CodeGrant ok(const CodeRequest& req, const std::string& date = kNight1) {
    auto r = reg_->assign(req, date);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    return r.ok() ? r.value() : CodeGrant{};
  }

  std::string path_;
  std::unique_ptr<Registry> reg_;
};

TEST_F(RegistryTest, AllocatesValidCodes) {
  CodeGrant g = ok(local("县市场监督管理局", "05", kAgencyA, "食品经营许可"));
  EXPECT_TRUE(g.is_new);
  EXPECT_EQ(g.basic_code, "130105001000");
  EXPECT_EQ(g.impl_code, kAgencyA + "4" + "130105001000");
  std::string why;
  EXPECT_TRUE(impl_code_valid(g.impl_code, &why)) << why;
}

TEST_F(RegistryTest, SameRequestSameCodes) {
  auto req = local("县市场监督管理局", "05", kAgencyA, "食品经营许可");
  CodeGrant a = ok(req);
  CodeGrant b = ok(req);
  EXPECT_EQ(a.impl_code, b.impl_code);
  EXPECT_FALSE(b.is_new);
  EXPECT_EQ(reg_->entries().size(), 1u);
}

TEST_F(RegistryTest, StableAcrossNights) {
  auto r1 = local("县市场监督管理局", "05", kAgencyA, "食品经营许可");
  auto r2 = local("县市场监督管理局", "05", kAgencyA, "药品零售许可");
  ASSERT_TRUE(reg_->begin().ok());
  CodeGrant a1 = ok(r1), a2 = ok(r2);
  ASSERT_TRUE(reg_->commit().ok());
  reopen();
  ASSERT_TRUE(reg_->begin().ok());
  // Second night, other order.
  CodeGrant b2 = ok(r2, kNight2), b1 = ok(r1, kNight2);
  ASSERT_TRUE(reg_->commit().ok());
  EXPECT_EQ(a1.impl_code, b1.impl_code);
  EXPECT_EQ(a2.impl_code, b2.impl_code);
  EXPECT_FALSE(b1.is_new);
  auto e = reg_->find(a1.impl_code);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->first_date, kNight1);
  EXPECT_EQ(e->last_date, kNight2);
  EXPECT_EQ(e->status, "在用");
}

TEST_F(RegistryTest, NewItemGetsFreshSequence) {
  CodeGrant a = ok(local("县市场监督管理局", "05", kAgencyA, "食品经营许可"));
  reopen();
  CodeGrant b = ok(local("县市场监督管理局", "05", kAgencyA, "药品零售许可"), kNight2);
  EXPECT_TRUE(b.is_new);
  EXPECT_EQ(a.basic_code, "130105001000");
  EXPECT_EQ(b.basic_code, "130105002000");
}

TEST_F(RegistryTest, RenamedItemKeepsCodes) {
  CodeGrant a = ok(local("县市场监督管理局", "05", kAgencyA, "食品经营许可"));
  reopen();
  auto req = local("县市场监督管理局", "05", kAgencyA, "食品经营许可（含仅销售预包装食品备案）");
  req.impl_code = a.impl_code;
  CodeGrant b = ok(req, kNight2);
  EXPECT_EQ(b.impl_code, a.impl_code);
  EXPECT_EQ(b.basic_code, a.basic_code);
  EXPECT_TRUE(b.renamed);
  EXPECT_FALSE(b.is_new);
  EXPECT_EQ(b.old_name, "食品经营许可");
  EXPECT_EQ(reg_->find(a.impl_code)->name, req.name);
  EXPECT_EQ(reg_->entries().size(), 1u);
  // Next night without the code in the input: found by its new name.
  req.impl_code.clear();
  CodeGrant c = ok(req, "2024-05-03");
  EXPECT_EQ(c.impl_code, a.impl_code);
  EXPECT_FALSE(c.renamed);
}

TEST_F(RegistryTest, AnotherItemsCodeIsAConflictWhileThatItemIsInTheInput) {
  CodeGrant a = ok(local("县市场监督管理局", "05", kAgencyA, "食品经营许可"));
  reopen();
  // Tonight the department lists both items; the second row carries the
  // first item's code (copied from the row above).
  const std::set<std::string> names = {"食品经营许可", "药品零售许可"};
  auto req = local("县市场监督管理局", "05", kAgencyA, "药品零售许可");
  req.impl_code = a.impl_code;
  req.department_names = &names;
  auto r = reg_->assign(req, kNight2);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_error_rule(r.error()), "CODE-CONFLICT");
  EXPECT_NE(r.error().message.find("食品经营许可"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("药品零售许可"), std::string::npos) << r.error().message;
  // The code stays with its item.
  EXPECT_EQ(reg_->find(a.impl_code)->name, "食品经营许可");
  // Without the first item in the input, the same row is a rename.
  const std::set<std::string> renamed = {"药品零售许可"};
  req.department_names = &renamed;
  CodeGrant b = ok(req, kNight2);
  EXPECT_TRUE(b.renamed);
  EXPECT_EQ(b.impl_code, a.impl_code);
}

TEST_F(RegistryTest, RetiredSequenceNeverReused) {
  CodeGrant a = ok(local("县市场监督管理局", "05", kAgencyA, "甲"));
  CodeGrant b = ok(local("县市场监督管理局", "05", kAgencyA, "乙"));
  ASSERT_TRUE(reg_->retire(b.impl_code, kNight2).ok());
  EXPECT_EQ(reg_->find(b.impl_code)->status, "取消");
  reopen();
  CodeGrant c = ok(local("县市场监督管理局", "05", kAgencyA, "丙"), "2024-05-03");
  EXPECT_NE(c.impl_code, a.impl_code);
  EXPECT_NE(c.impl_code, b.impl_code);
  EXPECT_EQ(c.basic_code, "130105003000");
  // Another item may not take the retired code through the input either.
  auto d = local("县市场监督管理局", "05", kAgencyA, "丁");
  d.impl_code = b.impl_code;
  auto r = reg_->assign(d, "2024-05-03");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_error_rule(r.error()), "CODE-CONFLICT");
  EXPECT_NE(r.error().message.find("已取消"), std::string::npos) << r.error().message;
  // Retiring an unknown code is an error.
  EXPECT_FALSE(reg_->retire("11440232MB2D06811W4130105999000", kNight2).ok());
}

TEST_F(RegistryTest, RetiredItemReturningGetsItsOwnCodes) {
  auto req = local("县市场监督管理局", "05", kAgencyA, "甲");
  CodeGrant a = ok(req);
  ASSERT_TRUE(reg_->retire(a.impl_code, kNight2).ok());
  CodeGrant b = ok(req, "2024-05-03");
  EXPECT_EQ(b.impl_code, a.impl_code);
  EXPECT_EQ(reg_->find(a.impl_code)->status, "在用");
}

TEST_F(RegistryTest, InputCodeOfAnotherDepartmentConflicts) {
  CodeGrant a = ok(local("县市场监督管理局", "05", kAgencyA, "食品经营许可"));
  auto req = local("县卫生健康局", "06", kAgencyB, "医疗机构执业登记");
  req.impl_code = a.impl_code;
  auto r = reg_->assign(req, kNight1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_error_rule(r.error()), "CODE-CONFLICT");
  EXPECT_NE(r.error().message.find("县市场监督管理局"), std::string::npos) << r.error().message;
  // A locally allocated 基本编码 may not come back under another agency either.
  req.impl_code = kAgencyB + "4" + a.basic_code;
  r = reg_->assign(req, kNight1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_error_rule(r.error()), "CODE-CONFLICT");
  // Nothing changed.
  EXPECT_EQ(reg_->entries().size(), 1u);
  EXPECT_EQ(reg_->find(a.impl_code)->name, "食品经营许可");
}

TEST_F(RegistryTest, BadInputCodesAreFormatErrors) {
  auto req = local("县市场监督管理局", "05", kAgencyA, "食品经营许可");
  req.impl_code = "11440232MB2D06811W400011705100";
  auto r = reg_->assign(req, kNight1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_error_rule(r.error()), "CODE-FORMAT");
  req.impl_code = "11440232MB2D06811X4000117051000";
  r = reg_->assign(req, kNight1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_error_rule(r.error()), "CREDIT-CODE");
  req.impl_code.clear();
  req.agency_code = "11440232MB2D06811X";
  r = reg_->assign(req, kNight1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_error_rule(r.error()), "CREDIT-CODE");
  EXPECT_TRUE(reg_->entries().empty());
}

TEST_F(RegistryTest, NationalInputCodeKept) {
  auto req = local("县市场监督管理局", "05", kAgencyA, "食品生产许可");
  req.basic_code = "000117051000";
  CodeGrant a = ok(req);
  EXPECT_EQ(a.basic_code, "000117051000");
  EXPECT_EQ(a.impl_code, kAgencyA + "4000117051000");
  EXPECT_TRUE(a.is_new);
  // Given as an impl code the next night: same.
  reopen();
  req.basic_code.clear();
  req.impl_code = a.impl_code;
  CodeGrant b = ok(req, kNight2);
  EXPECT_EQ(b.impl_code, a.impl_code);
  EXPECT_FALSE(b.is_new);
  // Another county agency implementing the same national item: its own impl code.
  auto other = local("县卫生健康局", "06", kAgencyB, "食品生产许可");
  other.basic_code = "000117051000";
  CodeGrant c = ok(other, kNight2);
  EXPECT_EQ(c.impl_code, kAgencyB + "4000117051000");
  // Local allocation does not collide with input codes of region 13.
  auto prov = local("县市场监督管理局", "05", kAgencyA, "省定事项");
  prov.basic_code = "130105001000";
  ok(prov, kNight2);
  CodeGrant d = ok(local("县市场监督管理局", "05", kAgencyA, "新事项"), kNight2);
  EXPECT_EQ(d.basic_code, "130105002000");
}

TEST_F(RegistryTest, InputCodeSupersedesEarlierLocalCode) {
  CodeGrant a = ok(local("县市场监督管理局", "05", kAgencyA, "食品经营许可"));
  auto req = local("县市场监督管理局", "05", kAgencyA, "食品经营许可");
  req.basic_code = "000117051000";
  CodeGrant b = ok(req, kNight2);
  EXPECT_EQ(b.basic_code, "000117051000");
  EXPECT_EQ(reg_->find(a.impl_code)->status, "取消");
  EXPECT_EQ(reg_->find_by_name("县市场监督管理局", "食品经营许可")->impl_code, b.impl_code);
}

// A province's scheme: 基本编码 of 12–14 characters, 实施编码 of 31–33.
CodeScheme province_scheme() {
  CodeScheme s;
  s.provincial = true;
  std::string why;
  EXPECT_TRUE(make_code_rule(12, 14, "", &s.basic, &why)) << why;
  EXPECT_TRUE(make_code_rule(31, 33, "", &s.impl, &why)) << why;
  return s;
}

TEST_F(RegistryTest, AProvincesImplCodeIsKeptAsGivenAndRecorded) {
  auto req = local("区人力资源和社会保障局", "05", kAgencyA, "失业保险金申领");
  req.scheme = province_scheme();
  req.basic_code = "511A0014100002";
  req.impl_code = "11510107MB1C7000XA4511A0014100002";  // the platform's: not this agency's code
  CodeGrant a = ok(req);
  EXPECT_EQ(a.impl_code, req.impl_code);
  EXPECT_EQ(a.basic_code, "511A0014100002");
  EXPECT_TRUE(a.is_new);
  auto e = reg_->find(req.impl_code);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->basic_code, "511A0014100002");
  EXPECT_EQ(e->name, "失业保险金申领");
  // The next night the form comes back without its 实施编码: the given one
  // stays, never reassigned (the composition would give another).
  reopen();
  req.impl_code.clear();
  CodeGrant b = ok(req, kNight2);
  EXPECT_EQ(b.impl_code, a.impl_code);
  EXPECT_FALSE(b.is_new);
  EXPECT_EQ(reg_->entries().size(), 1u);
}

TEST_F(RegistryTest, AProvincesBasicCodeWithoutImplCodeComposesOne) {
  auto req = local("区人力资源和社会保障局", "05", kAgencyA, "就业失业登记");
  req.scheme = province_scheme();
  req.basic_code = "E-000004-001";
  CodeGrant a = ok(req);
  EXPECT_EQ(a.impl_code, kAgencyA + "4" + "E-000004-001");
  EXPECT_EQ(a.basic_code, "E-000004-001");
}

TEST_F(RegistryTest, TheProvincesSchemeNeverMakesUpACode) {
  auto req = local("区人力资源和社会保障局", "05", kAgencyA, "就业失业登记");
  req.scheme = province_scheme();
  auto r = reg_->assign(req, kNight1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_error_rule(r.error()), "CODE-FORMAT");
  req.basic_code = "511A";  // shorter than the province's codes
  r = reg_->assign(req, kNight1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_error_rule(r.error()), "CODE-FORMAT");
  EXPECT_TRUE(reg_->entries().empty());
  // Its code given by another department's item is a conflict.
  req.basic_code = "511A0014100002";
  ok(req);
  auto other = local("区民政局", "06", kAgencyB, "就业失业登记");
  other.scheme = province_scheme();
  other.basic_code = "511A0014100002";
  other.impl_code = kAgencyA + "4511A0014100002";
  r = reg_->assign(other, kNight1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_error_rule(r.error()), "CODE-CONFLICT");
}

TEST_F(RegistryTest, SameNameInTwoDepartmentsDiffers) {
  CodeGrant a = ok(local("县市场监督管理局", "05", kAgencyA, "行政处罚"));
  CodeGrant b = ok(local("县卫生健康局", "06", kAgencyB, "行政处罚"));
  EXPECT_NE(a.impl_code, b.impl_code);
  EXPECT_NE(a.basic_code, b.basic_code);
  EXPECT_EQ(reg_->find_by_name("县卫生健康局", "行政处罚")->impl_code, b.impl_code);
  // Even with the same department number (a settings mistake) they differ.
  CodeGrant c = ok(local("县教育局", "05", kAgencyB, "行政处罚"));
  EXPECT_NE(c.basic_code, a.basic_code);
}

TEST_F(RegistryTest, SubItems) {
  auto main = local("县市场监督管理局", "05", kAgencyA, "食品经营许可");
  main.has_children = true;
  CodeGrant m = ok(main);
  EXPECT_EQ(m.basic_code, "13010500100Y");
  auto s1 = local("县市场监督管理局", "05", kAgencyA, "食品经营许可（新办）");
  s1.parent = main.name;
  auto s2 = local("县市场监督管理局", "05", kAgencyA, "食品经营许可（变更）");
  s2.parent = main.name;
  CodeGrant g1 = ok(s1), g2 = ok(s2);
  EXPECT_EQ(g1.basic_code, "130105001001");
  EXPECT_EQ(g2.basic_code, "130105001002");
  reopen();
  EXPECT_EQ(ok(s2, kNight2).impl_code, g2.impl_code);
  // A retired sub-item's number is not reused.
  ASSERT_TRUE(reg_->retire(g2.impl_code, kNight2).ok());
  auto s3 = local("县市场监督管理局", "05", kAgencyA, "食品经营许可（注销）");
  s3.parent = main.name;
  EXPECT_EQ(ok(s3, kNight2).basic_code, "130105001003");
  // Sub-item without agency inherits the main item's.
  auto s4 = s3;
  s4.name = "食品经营许可（延续）";
  s4.agency_code.clear();
  s4.level_code.clear();
  CodeGrant g4 = ok(s4, kNight2);
  EXPECT_EQ(g4.impl_code, kAgencyA + "4130105001004");
  // The next main item takes the next main sequence.
  EXPECT_EQ(ok(local("县市场监督管理局", "05", kAgencyA, "其他"), kNight2).basic_code,
            "130105002000");
  // A sub-item whose main item has no codes yet reserves the main item's
  // codes ("00Y"); the main item gets them when it appears.
  auto orphan = s1;
  orphan.name = "新办";
  orphan.parent = "尚未赋码的主项";
  EXPECT_EQ(ok(orphan, kNight2).basic_code, "130105003001");
  auto later = local("县市场监督管理局", "05", kAgencyA, "尚未赋码的主项");
  later.has_children = true;
  CodeGrant lm = ok(later, kNight2);
  EXPECT_EQ(lm.basic_code, "13010500300Y");
  EXPECT_FALSE(lm.is_new);
}

TEST_F(RegistryTest, MainItemGainingChildrenKeepsItsCode) {
  auto main = local("县市场监督管理局", "05", kAgencyA, "食品经营许可");
  CodeGrant m = ok(main);
  EXPECT_EQ(m.basic_code, "130105001000");
  main.has_children = true;
  EXPECT_EQ(ok(main, kNight2).basic_code, "130105001000");
  auto s1 = local("县市场监督管理局", "05", kAgencyA, "新办");
  s1.parent = main.name;
  EXPECT_EQ(ok(s1, kNight2).basic_code, "130105001001");
}

TEST_F(RegistryTest, RollbackRestoresPreviousState) {
  CodeGrant a = ok(local("县市场监督管理局", "05", kAgencyA, "甲"));
  ASSERT_TRUE(reg_->begin().ok());
  ok(local("县市场监督管理局", "05", kAgencyA, "乙"), kNight2);
  auto ren = local("县市场监督管理局", "05", kAgencyA, "甲（改名）");
  ren.impl_code = a.impl_code;
  ok(ren, kNight2);
  ASSERT_TRUE(reg_->retire(a.impl_code, kNight2).ok());
  ASSERT_TRUE(reg_->save_published({a.impl_code, "县市场监督管理局", "甲", "{}", kNight2, kNight2}).ok());
  reg_->rollback();
  auto all = reg_->entries();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].name, "甲");
  EXPECT_EQ(all[0].status, "在用");
  EXPECT_TRUE(reg_->published_items().empty());
  // The rolled-back sequence was never handed out, so it is offered again.
  EXPECT_EQ(ok(local("县市场监督管理局", "05", kAgencyA, "丙"), kNight2).basic_code,
            "130105002000");
  reopen();
  EXPECT_EQ(reg_->entries().size(), 2u);
}

TEST_F(RegistryTest, PublishedItemsKeepTheLastContentAndCanBeTakenOff) {
  EXPECT_TRUE(reg_->published_items().empty());
  ASSERT_TRUE(reg_->save_published({"y", "县民政局", "乙", R"({"v":1})", kNight1, kNight1}).ok());
  ASSERT_TRUE(reg_->save_published({"x", "县民政局", "甲", R"({"v":1})", kNight1, kNight1}).ok());
  ASSERT_TRUE(reg_->save_published({"x", "县民政局", "甲（改）", R"({"v":2})", kNight2, "2017-10-09"}).ok());
  reopen();
  auto all = reg_->published_items();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].impl_code, "x");
  EXPECT_EQ(all[0].name, "甲（改）");
  EXPECT_EQ(all[0].content, R"({"v":2})");
  EXPECT_EQ(all[0].version, kNight2);
  EXPECT_EQ(all[0].approved, "2017-10-09");
  EXPECT_EQ(all[0].poster_version, kNight2);  // none given: the version
  ASSERT_TRUE(reg_->save_published({"y", "县民政局", "乙", R"({"v":2})", kNight2, kNight2, kNight1}).ok());
  EXPECT_EQ(reg_->published_items()[1].poster_version, kNight1);
  ASSERT_TRUE(reg_->unpublish("y").ok());
  ASSERT_EQ(reg_->published_items().size(), 1u);
}

TEST_F(RegistryTest, StateKeepsTheLastValueOfAKey) {
  EXPECT_FALSE(reg_->state("changes"));
  ASSERT_TRUE(reg_->set_state("changes", "a").ok());
  ASSERT_TRUE(reg_->set_state("changes", "b").ok());
  reopen();
  EXPECT_EQ(reg_->state("changes").value_or(""), "b");
}

TEST_F(RegistryTest, ABuildsJournalUndoesItsPublishedListButKeepsItsCodes) {
  // Night 1, published.
  ASSERT_TRUE(reg_->begin().ok());
  CodeGrant a = ok(local("县市场监督管理局", "05", kAgencyA, "甲"));
  ASSERT_TRUE(reg_->save_published({a.impl_code, "县市场监督管理局", "甲", "v1", kNight1, kNight1}).ok());
  ASSERT_TRUE(reg_->set_state("change_log", "night 1").ok());
  ASSERT_TRUE(reg_->commit_build(1, kNight1).ok());
  ASSERT_TRUE(reg_->forget_journal().ok());
  EXPECT_FALSE(reg_->has_journal());
  EXPECT_EQ(reg_->generation(), 1);
  EXPECT_EQ(reg_->last_build(), kNight1);

  // Night 2 commits (a new item, a changed one, a new state key), then its
  // output is never published.
  ASSERT_TRUE(reg_->begin().ok());
  CodeGrant b = ok(local("县市场监督管理局", "05", kAgencyA, "乙"), kNight2);
  ASSERT_TRUE(reg_->save_published({a.impl_code, "县市场监督管理局", "甲", "v2", kNight2, kNight2}).ok());
  ASSERT_TRUE(reg_->save_published({b.impl_code, "县市场监督管理局", "乙", "v1", kNight2, kNight2}).ok());
  ASSERT_TRUE(reg_->set_state("change_log", "night 2").ok());
  ASSERT_TRUE(reg_->set_state("printed_parts", "{}").ok());
  ASSERT_TRUE(reg_->commit_build(2, kNight2).ok());
  reopen();  // the build was killed
  EXPECT_TRUE(reg_->has_journal());
  EXPECT_EQ(reg_->generation(), 2);
  ASSERT_TRUE(reg_->undo_journal().ok());
  EXPECT_FALSE(reg_->has_journal());
  EXPECT_EQ(reg_->generation(), 1);
  EXPECT_EQ(reg_->last_build(), kNight1);
  auto published = reg_->published_items();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].content, "v1");
  EXPECT_EQ(reg_->state("change_log").value_or(""), "night 1");
  EXPECT_FALSE(reg_->state("printed_parts"));
  // The code night 2 gave stays reserved for its item.
  ASSERT_TRUE(reg_->find(b.impl_code));
  EXPECT_EQ(ok(local("县市场监督管理局", "05", kAgencyA, "丙"), "2024-05-03").basic_code, "130105003000");
}

TEST_F(RegistryTest, ACopyIsTheCommittedRegistryWithoutItsJournal) {
  ASSERT_TRUE(reg_->begin().ok());
  CodeGrant a = ok(local("县市场监督管理局", "05", kAgencyA, "甲"));
  ASSERT_TRUE(reg_->save_published({a.impl_code, "县市场监督管理局", "甲", "v1", kNight1, kNight1}).ok());
  ASSERT_TRUE(reg_->commit_build(1, kNight1).ok());
  const std::string copy = path_ + ".copy";
  ASSERT_TRUE(reg_->save_copy(copy).ok());
  {
    auto c = Registry::open(copy);
    ASSERT_TRUE(c.ok()) << c.error().str();
    EXPECT_FALSE((*c)->has_journal());
    EXPECT_EQ((*c)->generation(), 1);
    EXPECT_EQ((*c)->code_count(), 1);
    EXPECT_EQ((*c)->published_items().size(), 1u);
  }
  // Lost: the file is truncated to 0 bytes while its WAL is still there.
  reg_.reset();
  { std::FILE* f = std::fopen(path_.c_str(), "w"); std::fclose(f); }
  ASSERT_TRUE(Registry::restore_copy(copy, path_).ok());
  reopen();
  EXPECT_EQ(reg_->generation(), 1);
  EXPECT_EQ(reg_->find(a.impl_code)->name, "甲");
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((copy + suffix).c_str());
}

TEST_F(RegistryTest, EntriesOrderedByImplCode) {
  ok(local("县卫生健康局", "06", kAgencyB, "乙"));
  ok(local("县市场监督管理局", "05", kAgencyA, "甲"));
  auto all = reg_->entries();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_LT(all[0].impl_code, all[1].impl_code);
}

TEST_F(RegistryTest, BadBuildDate) { EXPECT_FALSE(reg_->assign(local("a", "05", kAgencyA, "b"), "2024-5-1").ok()); }

TEST_F(RegistryTest, FileUsesWriteAheadLog) {
  ok(local("县市场监督管理局", "05", kAgencyA, "甲"));
  EXPECT_EQ(access((path_ + "-wal").c_str(), F_OK), 0);
}

TEST(RegistryMemory, InMemoryWorks) {
  auto r = Registry::open(":memory:");
  ASSERT_TRUE(r.ok()) << r.error().str();
  auto g = (*r)->assign(local("县市场监督管理局", "05", kAgencyA, "甲"), kNight1);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->basic_code, "130105001000");
}

TEST(RegistryOpen, MissingDirectoryIsAnError) {
  auto r = Registry::open("/nonexistent-dir-qd/registry.db");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place.file, "/nonexistent-dir-qd/registry.db");
}

}  // namespace
}  // namespace qd
