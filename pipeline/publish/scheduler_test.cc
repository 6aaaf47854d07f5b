#include "publish/scheduler.h"

#include "base/sha256.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <signal.h>

namespace qd {
namespace {

namespace fs = std::filesystem;

fs::path fresh(const std::string& name) {
  fs::path p = fs::path(::testing::TempDir()) / ("scheduler_" + name + std::to_string(getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

// A part writing `<id>` with `text`, counting its renders in `log`.
PlannedPart part(const std::string& id, const std::string& digest, const std::string& text,
                 const fs::path& log, double cost = 1) {
  Part p;
  p.id = id;
  p.made_from = digest;
  p.cost = cost;
  p.render = [id, text, log](const OutputContext& ctx, std::vector<std::string>* written) -> Status {
    fs::create_directories((fs::path(ctx.output_dir) / id).parent_path());
    std::ofstream(fs::path(ctx.output_dir) / id) << text;
    std::ofstream(log, std::ios::app) << id << "\n";  // O_APPEND: safe across workers
    written->push_back(id);
    return Ok{};
  };
  return {"w", std::move(p)};
}

int lines(const fs::path& p) {
  std::ifstream in(p);
  int n = 0;
  for (std::string l; std::getline(in, l);) ++n;
  return n;
}

// The manifest of a finished run.
Manifest manifest_of(const ScheduleResult& r, const fs::path& dir) {
  Manifest m;
  m.parts = r.parts;
  for (const auto& p : r.parts)
    for (const auto& f : p.files)
      m.files.push_back({f, static_cast<long long>(fs::file_size(dir / f)), "x", p.id});
  std::sort(m.files.begin(), m.files.end(), [](auto& a, auto& b) { return a.path < b.path; });
  return m;
}

TEST(Scheduler, ParallelRunWritesWhatASerialRunWrites) {
  fs::path root = fresh("parallel");
  std::vector<PlannedPart> parts;
  for (int i = 0; i < 40; ++i)
    parts.push_back(part("d/" + std::to_string(i) + ".txt", "h" + std::to_string(i),
                         std::string(1000 + i, 'a' + i % 26), root / "log", i % 7));
  for (int jobs : {1, 3}) {
    fs::path out = root / ("out" + std::to_string(jobs));
    fs::create_directories(out);
    OutputContext ctx{out.string(), "", {}, ""};
    ScheduleOptions o;
    o.jobs = jobs;
    int seen = 0;
    o.on_done = [&](int done, int total, const PlannedPart&, bool rendered) {
      EXPECT_EQ(done, ++seen);
      EXPECT_EQ(total, 40);
      EXPECT_TRUE(rendered);
    };
    auto r = run_parts(parts, ctx, o);
    ASSERT_TRUE(r.ok()) << r.error().str();
    EXPECT_EQ(r->rendered, 40);
    EXPECT_EQ(seen, 40);
    for (int i = 0; i < 40; ++i) {
      EXPECT_EQ(r->parts[i].id, parts[i].part.id);  // plan order, whatever the run order
      ASSERT_EQ(r->parts[i].files.size(), 1u);
      EXPECT_EQ(fs::file_size(out / r->parts[i].files[0]), 1000u + i);
    }
  }
  EXPECT_EQ(lines(root / "log"), 80);
}

TEST(Scheduler, UnchangedPartsAreCopiedChangedOnesRendered) {
  fs::path root = fresh("reuse");
  std::vector<PlannedPart> night1 = {part("a.txt", "1", "A", root / "log"),
                                     part("b.txt", "2", "B", root / "log")};
  fs::create_directories(root / "out1");
  auto r1 = run_parts(night1, {(root / "out1").string(), "", {}, ""}, {});
  ASSERT_TRUE(r1.ok());
  Manifest m1 = manifest_of(r1.value(), root / "out1");

  std::vector<PlannedPart> night2 = {part("a.txt", "1", "A", root / "log"),
                                     part("b.txt", "2b", "B2", root / "log")};
  fs::create_directories(root / "out2");
  ScheduleOptions o;
  o.jobs = 2;
  o.previous = &m1;
  o.previous_dir = (root / "out1").string();
  auto r2 = run_parts(night2, {(root / "out2").string(), "", {}, ""}, o);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->reused, 1);
  EXPECT_EQ(r2->rendered, 1);
  EXPECT_EQ(lines(root / "log"), 3);
  std::ifstream a(root / "out2/a.txt"), b(root / "out2/b.txt");
  std::string sa, sb;
  a >> sa;
  b >> sb;
  EXPECT_EQ(sa, "A");
  EXPECT_EQ(sb, "B2");

  // A file of the last build that went missing is rendered again; --full renders all.
  fs::remove(root / "out1/a.txt");
  fs::create_directories(root / "out3");
  auto r3 = run_parts(night2, {(root / "out3").string(), "", {}, ""}, o);
  ASSERT_TRUE(r3.ok());
  EXPECT_EQ(r3->rendered, 2);
  o.full = true;
  fs::create_directories(root / "out4");
  auto r4 = run_parts(night1, {(root / "out4").string(), "", {}, ""}, o);
  EXPECT_EQ(r4->rendered, 2);
}

TEST(Scheduler, AShardsFilesAreCopiedOnlyWhenTheyAreWhatItsManifestSays) {
  fs::path root = fresh("shards");
  std::vector<PlannedPart> plan = {part("a.txt", "1", "A", root / "log"),
                                   part("b.txt", "2", "B", root / "log"),
                                   part("c.txt", "3", "C", root / "log")};
  fs::create_directories(root / "shard");
  auto r1 = run_parts(plan, {(root / "shard").string(), "", {}, ""}, {});
  ASSERT_TRUE(r1.ok());
  Manifest m = manifest_of(r1.value(), root / "shard");
  for (ManifestFile& f : m.files) f.sha256 = sha256_file((root / "shard" / f.path).string());
  // b.txt changed after the shard wrote its manifest (same size); c's part
  // claims a file outside the output folder.
  std::ofstream(root / "shard/b.txt", std::ios::trunc) << "X";
  for (ManifestPart& p : m.parts)
    if (p.id == "c.txt") p.files = {"../c.txt"};
  m.files.push_back({"../c.txt", 2, m.file("c.txt")->sha256, "c.txt"});
  std::sort(m.files.begin(), m.files.end(), [](auto& a, auto& b) { return a.path < b.path; });

  fs::create_directories(root / "merged");
  ScheduleOptions o;
  o.sources.push_back({(root / "shard").string(), &m});
  auto r = run_parts(plan, {(root / "merged").string(), "", {}, ""}, o);
  ASSERT_TRUE(r.ok()) << r.error().str();
  EXPECT_EQ(r->reused, 1);    // a.txt, as the shard wrote it
  EXPECT_EQ(r->rendered, 2);  // b.txt and c.txt, rendered here
  std::ifstream b(root / "merged/b.txt");
  std::string sb;
  b >> sb;
  EXPECT_EQ(sb, "B");
  EXPECT_FALSE(fs::exists(root / "c.txt"));
}

TEST(Scheduler, AFailingPartIsTheBuildsError) {
  fs::path root = fresh("fail");
  std::vector<PlannedPart> parts = {part("a.txt", "1", "A", root / "log")};
  Part bad;
  bad.id = "bad.pdf";
  bad.render = [](const OutputContext&, std::vector<std::string>*) -> Status {
    return make_error(Place{"bad.xlsx", "实施清单", "B3"}, "无法排版");
  };
  parts.push_back({"w", bad});
  for (int jobs : {1, 2}) {
    auto r = run_parts(parts, {root.string(), "", {}, ""}, {.jobs = jobs});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().place.cell, "B3");
    EXPECT_EQ(r.error().message, "无法排版");
  }
}

TEST(Scheduler, ACrashedWorkerFailsItsTaskNotTheParent) {
  auto results = run_tasks(
      4, 2, {0, 1, 2, 3},
      [](int i) -> Result<std::vector<std::string>> {
        if (i == 2) ::kill(::getpid(), SIGKILL);
        return std::vector<std::string>{std::to_string(i)};
      },
      nullptr);
  EXPECT_FALSE(results[2].ok());
  EXPECT_NE(results[2].error().message.find("异常结束"), std::string::npos);
  // The other worker carries on with what is left.
  int ok = 0;
  for (int i : {0, 1, 3}) ok += results[i].ok();
  EXPECT_GE(ok, 1);
}

}  // namespace
}  // namespace qd
