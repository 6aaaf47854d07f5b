#include "codes/registry.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>

#include "base/text.h"
#include "codes/credit_code.h"
#include "codes/item_code.h"

namespace qd {

namespace {

// 2: published_items.poster_version (init_schema() adds it to a version 1 file).
// 3: the build journal (journal_published, journal_state and their triggers).
constexpr int kSchemaVersion = 3;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL);
-- One row per 实施编码 ever given. Rows are never deleted: a retired item
-- keeps its row (status 取消) so that its codes stay reserved.
CREATE TABLE IF NOT EXISTS items(
  impl_code  TEXT PRIMARY KEY,
  basic_code TEXT NOT NULL,
  department TEXT NOT NULL,
  name       TEXT NOT NULL,
  parent     TEXT NOT NULL DEFAULT '',
  status     TEXT NOT NULL,
  origin     TEXT NOT NULL,          -- 'input': came with the input; 'local': allocated here
  first_date TEXT NOT NULL,
  last_date  TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS items_by_name ON items(department, name, parent);
CREATE INDEX IF NOT EXISTS items_by_basic ON items(basic_code);
-- Next sequence to try per scope ('main:RRTTDD' or 'sub:<first 9 of 基本编码>').
-- Only ever increases, so a sequence once handed out is never tried again.
CREATE TABLE IF NOT EXISTS counters(
  scope TEXT PRIMARY KEY,
  next  INTEGER NOT NULL);
-- The published list: each item's last published content (canonical JSON),
-- so a later build keeps it when the department's file fails (沿用上期) and
-- says what changed. version: the build date its content was first
-- published; approved: the date of the decision that approved it;
-- poster_version: the version at which what a window poster prints of it
-- last changed ('' in rows of older programs: the version).
-- Small documents the build keeps between nights (the last change log).
CREATE TABLE IF NOT EXISTS state(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS published_items(
  impl_code  TEXT PRIMARY KEY,
  department TEXT NOT NULL,
  name       TEXT NOT NULL,
  content    TEXT NOT NULL,
  version    TEXT NOT NULL,
  approved   TEXT NOT NULL DEFAULT '',
  poster_version TEXT NOT NULL DEFAULT '');
-- The journal of the last committed build: what its transaction replaced in
-- the published list and the state (existed = 0: the row was new), written
-- by the triggers below. A build commits before it swaps its output in and
-- drops the journal after; a journal left by a build killed in between is
-- undone or dropped at the next start, whichever the published output says.
-- Codes (items, counters) are not journaled: once committed they stay
-- reserved, whether or not the output that showed them was published.
CREATE TABLE IF NOT EXISTS journal_published(
  impl_code TEXT PRIMARY KEY, existed INTEGER NOT NULL, department TEXT, name TEXT,
  content TEXT, version TEXT, approved TEXT, poster_version TEXT);
CREATE TABLE IF NOT EXISTS journal_state(
  key TEXT PRIMARY KEY, existed INTEGER NOT NULL, value TEXT);
-- (Each trigger checks for a journal row itself: inside an upsert the outer
-- statement's conflict policy overrides a trigger's OR IGNORE.)
CREATE TRIGGER IF NOT EXISTS journal_published_insert BEFORE INSERT ON published_items
  WHEN NOT EXISTS (SELECT 1 FROM published_items WHERE impl_code = new.impl_code)
   AND NOT EXISTS (SELECT 1 FROM journal_published WHERE impl_code = new.impl_code)
  BEGIN INSERT INTO journal_published(impl_code, existed) VALUES (new.impl_code, 0); END;
CREATE TRIGGER IF NOT EXISTS journal_published_update BEFORE UPDATE ON published_items
  WHEN NOT EXISTS (SELECT 1 FROM journal_published WHERE impl_code = old.impl_code)
  BEGIN INSERT INTO journal_published VALUES (old.impl_code, 1, old.department, old.name,
        old.content, old.version, old.approved, old.poster_version); END;
CREATE TRIGGER IF NOT EXISTS journal_published_delete BEFORE DELETE ON published_items
  WHEN NOT EXISTS (SELECT 1 FROM journal_published WHERE impl_code = old.impl_code)
  BEGIN INSERT INTO journal_published VALUES (old.impl_code, 1, old.department, old.name,
        old.content, old.version, old.approved, old.poster_version); END;
CREATE TRIGGER IF NOT EXISTS journal_state_insert BEFORE INSERT ON state
  WHEN NOT EXISTS (SELECT 1 FROM state WHERE key = new.key)
   AND NOT EXISTS (SELECT 1 FROM journal_state WHERE key = new.key)
  BEGIN INSERT INTO journal_state(key, existed) VALUES (new.key, 0); END;
CREATE TRIGGER IF NOT EXISTS journal_state_update BEFORE UPDATE ON state
  WHEN NOT EXISTS (SELECT 1 FROM journal_state WHERE key = old.key)
  BEGIN INSERT INTO journal_state VALUES (old.key, 1, old.value); END;
CREATE TRIGGER IF NOT EXISTS journal_state_delete BEFORE DELETE ON state
  WHEN NOT EXISTS (SELECT 1 FROM journal_state WHERE key = old.key)
  BEGIN INSERT INTO journal_state VALUES (old.key, 1, old.value); END;
)sql";

// The state keys of the build generation: how many builds were committed,
// and the date of the last.
constexpr const char* kGenerationKey = "generation";
constexpr const char* kLastBuildKey = "last_build";

// Checks a build date is an ISO date "YYYY-MM-DD".
bool iso_date(const std::string& s) {
  Date d;
  return parse_date(s, &d) && d.iso() == s;
}

// A registry error with an empty place (the caller knows the cell).
Error reg_error(std::string_view prefix, std::string message) {
  return make_error(Place{}, std::string(prefix) + message);
}

// "「部门」的事项「名称」" for messages.
std::string describe(const std::string& department, const std::string& name) {
  return "「" + department + "」的事项「" + name + "」";
}

// The place of a problem with the registry file as a whole.
Place file_place(const std::string& path) { return Place{path, "", ""}; }

// True for exactly two ASCII digits.
bool two_digits(std::string_view s) { return s.size() == 2 && all_digits(s); }

}  // namespace

std::string_view code_error_rule(const Error& e) {
  std::string_view m = e.message;
  if (m.starts_with(kConflictPrefix)) return "CODE-CONFLICT";
  if (m.starts_with(kFormatPrefix)) return "CODE-FORMAT";
  if (m.starts_with(kCreditPrefix)) return "CREDIT-CODE";
  return "";
}

// A prepared statement, reset before each use.
class Registry::Stmt {
 public:
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  ~Stmt() { sqlite3_finalize(s_); }

  // Resets and clears bindings so the statement can be used again.
  Stmt& reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    return *this;
  }
  // Binds text to the 1-based parameter i.
  Stmt& bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // Binds an integer to the 1-based parameter i.
  Stmt& bind(int i, long long v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  // Steps once: SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return sqlite3_step(s_); }
  // Runs a statement that returns no rows; true on success.
  bool run() {
    int rc = step();
    sqlite3_reset(s_);
    return rc == SQLITE_DONE;
  }
  // Column i of the current row as text ("" for NULL).
  std::string text(int i) const {
    const unsigned char* p = sqlite3_column_text(s_, i);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(s_, i)))
             : std::string();
  }
  // Column i of the current row as an integer.
  long long integer(int i) const { return sqlite3_column_int64(s_, i); }
  // Reads the current row as an entry (columns impl_code … last_date).
  RegistryEntry entry() const {
    return RegistryEntry{text(0), text(1), text(2), text(3), text(4), text(5), text(6), text(7)};
  }

 private:
  sqlite3_stmt* s_;
};

Registry::Registry(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

Registry::~Registry() {
  stmts_.clear();
  sqlite3_close(db_);
}

Result<std::unique_ptr<Registry>> Registry::open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return make_error(file_place(path), std::string(kDatabasePrefix) + "无法打开编码库：" + msg);
  }
  std::unique_ptr<Registry> reg(new Registry(db, path));
  sqlite3_busy_timeout(db, 5000);
  if (path != ":memory:" && !path.empty()) {
    if (Status s = reg->exec("PRAGMA journal_mode=WAL"); !s) return s.error();
    if (Status s = reg->exec("PRAGMA synchronous=NORMAL"); !s) return s.error();
  }
  if (Status s = reg->init_schema(); !s) return s.error();
  return reg;
}

// Creates the tables and checks the schema version, in one transaction.
Status Registry::init_schema() {
  if (Status s = exec("BEGIN IMMEDIATE"); !s) return s;
  if (Status s = exec(kSchema); !s) {
    (void)exec("ROLLBACK");
    return s;
  }
  Stmt& q = stmt("SELECT max(version) FROM schema_version");
  q.reset();
  long long version = 0;
  if (q.step() == SQLITE_ROW) version = q.integer(0);
  q.reset();
  if (version > kSchemaVersion) {
    (void)exec("ROLLBACK");
    return make_error(file_place(path_), std::string(kDatabasePrefix) + "编码库版本 " +
                                        std::to_string(version) + " 比本程序支持的版本 " +
                                        std::to_string(kSchemaVersion) + " 新，请升级程序");
  }
  if (version < 2) {
    if (Status s = add_poster_version(); !s) {
      (void)exec("ROLLBACK");
      return s;
    }
  }
  if (version < kSchemaVersion) {
    Stmt& ins = stmt("INSERT INTO schema_version(version) VALUES (?)");
    if (!ins.reset().bind(1, static_cast<long long>(kSchemaVersion)).run()) {
      Error e = db_error("写入版本号");
      (void)exec("ROLLBACK");
      return e;
    }
  }
  return exec("COMMIT");
}

// Schema 1 → 2: a registry made before poster versions gets the column,
// each item's poster version being its version (the only date it knew).
Status Registry::add_poster_version() {
  Stmt& q = stmt("SELECT count(*) FROM pragma_table_info('published_items') "
                 "WHERE name = 'poster_version'");
  q.reset();
  const bool has = q.step() == SQLITE_ROW && q.integer(0) > 0;
  q.reset();
  if (has) return Ok{};
  if (Status s = exec("ALTER TABLE published_items ADD COLUMN poster_version TEXT NOT NULL DEFAULT ''");
      !s)
    return s;
  return exec("UPDATE published_items SET poster_version = version");
}

// Returns the cached prepared statement for `sql` (a string literal).
Registry::Stmt& Registry::stmt(const char* sql) const {
  auto it = stmts_.find(sql);
  if (it != stmts_.end()) return *it->second;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  // A statement that fails to prepare is kept as null; step() on it returns
  // SQLITE_MISUSE, which callers report through db_error().
  auto [pos, _] = stmts_.emplace(sql, std::make_unique<Stmt>(s));
  return *pos->second;
}

// An error carrying SQLite's message, placed at the registry file.
Error Registry::db_error(std::string_view what) const {
  return make_error(file_place(path_), std::string(kDatabasePrefix) + std::string(what) + "失败：" +
                                      sqlite3_errmsg(db_));
}

// Runs SQL that returns no rows.
Status Registry::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return make_error(file_place(path_), std::string(kDatabasePrefix) + msg);
  }
  return Ok{};
}

Status Registry::begin() { return exec("BEGIN IMMEDIATE"); }

Status Registry::commit() { return exec("COMMIT"); }

void Registry::rollback() {
  for (auto& [sql, s] : stmts_) s->reset();
  if (sqlite3_get_autocommit(db_) == 0) (void)exec("ROLLBACK");
}

long long Registry::generation() const {
  std::optional<std::string> g = state(kGenerationKey);
  return g ? std::atoll(g->c_str()) : 0;
}

std::string Registry::last_build() const { return state(kLastBuildKey).value_or(""); }

long long Registry::code_count() const {
  Stmt& q = stmt("SELECT count(*) FROM items");
  q.reset();
  long long n = q.step() == SQLITE_ROW ? q.integer(0) : 0;
  q.reset();
  return n;
}

Status Registry::commit_build(long long generation, const std::string& date) {
  QD_TRY(set_state(kGenerationKey, std::to_string(generation)));
  QD_TRY(set_state(kLastBuildKey, date));
  return commit();
}

bool Registry::has_journal() const {
  Stmt& q = stmt(
      "SELECT (SELECT count(*) FROM journal_published) + (SELECT count(*) FROM journal_state)");
  q.reset();
  const bool has = q.step() == SQLITE_ROW && q.integer(0) > 0;
  q.reset();
  return has;
}

Status Registry::undo_journal() {
  return exec(R"sql(
BEGIN IMMEDIATE;
DELETE FROM published_items
  WHERE impl_code IN (SELECT impl_code FROM journal_published WHERE existed = 0);
INSERT OR REPLACE INTO published_items(impl_code, department, name, content, version, approved,
                                       poster_version)
  SELECT impl_code, department, name, content, version, approved, poster_version
  FROM journal_published WHERE existed = 1;
DELETE FROM state WHERE key IN (SELECT key FROM journal_state WHERE existed = 0);
INSERT OR REPLACE INTO state(key, value) SELECT key, value FROM journal_state WHERE existed = 1;
DELETE FROM journal_published;
DELETE FROM journal_state;
COMMIT;
)sql");
}

Status Registry::forget_journal() {
  return exec("BEGIN IMMEDIATE; DELETE FROM journal_published; DELETE FROM journal_state; COMMIT;");
}

Status Registry::save_copy(const std::string& path) {
  std::remove(path.c_str());
  const std::string tmp = path + ".tmp";
  std::remove(tmp.c_str());
  Stmt& q = stmt("VACUUM INTO ?");
  q.reset().bind(1, tmp);
  if (!q.run()) return db_error("保存编码库副本");
  // The copy is the registry as it stands after the build: no journal.
  sqlite3* copy = nullptr;
  int rc = sqlite3_open_v2(tmp.c_str(), &copy, SQLITE_OPEN_READWRITE, nullptr);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(copy, "DELETE FROM journal_published; DELETE FROM journal_state; VACUUM;", nullptr,
                      nullptr, nullptr);
  std::string msg = copy ? sqlite3_errmsg(copy) : sqlite3_errstr(rc);
  sqlite3_close(copy);
  if (rc != SQLITE_OK || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return make_error(file_place(path), std::string(kDatabasePrefix) + "保存编码库副本失败：" + msg);
  }
  return Ok{};
}

Status Registry::restore_copy(const std::string& from, const std::string& path) {
  sqlite3* src = nullptr;
  sqlite3* dst = nullptr;
  auto fail = [&](const std::string& what, sqlite3* db, int rc) -> Status {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(src);
    sqlite3_close(dst);
    return make_error(file_place(path), std::string(kDatabasePrefix) + what + "：" + msg);
  };
  int rc = sqlite3_open_v2(from.c_str(), &src, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) return fail("无法打开编码库副本 " + from, src, rc);
  rc = sqlite3_open_v2(path.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) return fail("无法打开编码库", dst, rc);
  sqlite3_busy_timeout(dst, 5000);
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  if (!b) return fail("无法恢复编码库", dst, SQLITE_ERROR);
  rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return fail("恢复编码库失败", dst, rc);
  sqlite3_close(src);
  sqlite3_close(dst);
  return Ok{};
}

std::optional<RegistryEntry> Registry::find(const std::string& impl_code) const {
  Stmt& q = stmt(
      "SELECT impl_code, basic_code, department, name, parent, status, first_date, last_date "
      "FROM items WHERE impl_code = ?");
  q.reset().bind(1, impl_code);
  std::optional<RegistryEntry> out;
  if (q.step() == SQLITE_ROW) out = q.entry();
  q.reset();
  return out;
}

std::optional<RegistryEntry> Registry::find_by_name(const std::string& department,
                                                    const std::string& name) const {
  Stmt& q = stmt(
      "SELECT impl_code, basic_code, department, name, parent, status, first_date, last_date "
      "FROM items WHERE department = ? AND name = ? "
      "ORDER BY status = '取消', parent <> '', first_date, impl_code LIMIT 1");
  q.reset().bind(1, department).bind(2, name);
  std::optional<RegistryEntry> out;
  if (q.step() == SQLITE_ROW) out = q.entry();
  q.reset();
  return out;
}

// The entry with this department, name and parent (an active one first).
std::optional<RegistryEntry> Registry::find_exact(const std::string& department,
                                                  const std::string& name,
                                                  const std::string& parent) const {
  Stmt& q = stmt(
      "SELECT impl_code, basic_code, department, name, parent, status, first_date, last_date "
      "FROM items WHERE department = ? AND name = ? AND parent = ? "
      "ORDER BY status = '取消', first_date, impl_code LIMIT 1");
  q.reset().bind(1, department).bind(2, name).bind(3, parent);
  std::optional<RegistryEntry> out;
  if (q.step() == SQLITE_ROW) out = q.entry();
  q.reset();
  return out;
}

std::vector<RegistryEntry> Registry::entries() const {
  Stmt& q = stmt(
      "SELECT impl_code, basic_code, department, name, parent, status, first_date, last_date "
      "FROM items ORDER BY impl_code");
  q.reset();
  std::vector<RegistryEntry> out;
  while (q.step() == SQLITE_ROW) out.push_back(q.entry());
  q.reset();
  return out;
}

// Adds a new entry; `origin` is 'input' or 'local'.
Status Registry::insert(const RegistryEntry& e, std::string_view origin) {
  Stmt& q = stmt(
      "INSERT INTO items(impl_code, basic_code, department, name, parent, status, origin, "
      "first_date, last_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.reset()
      .bind(1, e.impl_code)
      .bind(2, e.basic_code)
      .bind(3, e.department)
      .bind(4, e.name)
      .bind(5, e.parent)
      .bind(6, e.status)
      .bind(7, origin)
      .bind(8, e.first_date)
      .bind(9, e.last_date);
  if (!q.run()) return db_error("登记编码");
  return Ok{};
}

Status Registry::retire(const std::string& impl_code, const std::string& build_date) {
  Stmt& q = stmt("UPDATE items SET status = '取消', last_date = ? WHERE impl_code = ?");
  q.reset().bind(1, build_date).bind(2, impl_code);
  if (!q.run()) return db_error("取消事项");
  if (sqlite3_changes(db_) == 0) {
    return make_error(file_place(path_), "编码库中没有实施编码 " + impl_code + "，无法取消");
  }
  return Ok{};
}

Result<CodeGrant> Registry::assign(const CodeRequest& req, const std::string& build_date) {
  if (!iso_date(build_date)) {
    return make_error(file_place(path_), "构建日期应为 YYYY-MM-DD，实为 " + build_date);
  }
  if (req.department.empty() || req.name.empty()) {
    return reg_error(kFormatPrefix, "缺少部门名称或事项名称，无法赋码");
  }
  std::string why;
  // Work out the input code, if any, before touching the database.
  std::string impl = req.impl_code;
  std::string basic = req.basic_code;
  if (req.scheme.provincial) {
    // The province's codes, taken as given: never made up here.
    if (basic.empty()) {
      return reg_error(kFormatPrefix, describe(req.department, req.name) +
                                          "没有基本编码：使用省级编码时须填写省政务服务平台赋予的基本编码");
    }
    if (!basic_code_valid(basic, req.scheme, &why)) {
      return reg_error(kFormatPrefix, "基本编码 " + basic + "：" + why);
    }
    if (impl.empty()) {
      // The 实施编码 it was given before (the province's, kept as given),
      // else the national composition: agency code, level, 基本编码.
      std::optional<RegistryEntry> known = find_exact(req.department, req.name, req.parent);
      if (known && known->status != kStatusRetired && known->basic_code == basic) {
        impl = known->impl_code;
      } else {
        if (!credit_code_valid(req.agency_code, &why)) {
          return reg_error(kCreditPrefix, "实施主体编码 " + req.agency_code + " " + why);
        }
        if (req.level_code.size() != 1 || req.level_code[0] < '1' || req.level_code[0] > '7') {
          return reg_error(kFormatPrefix, "行使层级代码应为 1–7，实为 " + req.level_code);
        }
        impl = req.agency_code + req.level_code + basic;
      }
    }
    if (!impl_code_valid(impl, req.scheme, &why)) {
      return reg_error(kFormatPrefix, "实施编码 " + impl + "：" + why +
                                          (req.impl_code.empty() ? "；请填写省政务服务平台赋予的实施编码" : ""));
    }
  } else if (!impl.empty()) {
    if (!impl_code_valid(impl, &why)) {
      if (utf8_length(impl) == kImplCodeLength && impl.size() == kImplCodeLength &&
          !credit_code_valid(impl.substr(0, 18), nullptr)) {
        return reg_error(kCreditPrefix, "实施编码 " + impl + " " + why);
      }
      return reg_error(kFormatPrefix, "实施编码 " + impl + "：" + why);
    }
    if (!req.basic_code.empty() && req.basic_code != impl.substr(19)) {
      return reg_error(kFormatPrefix, "实施编码 " + impl + " 的第 20–31 位与基本编码 " +
                                          req.basic_code + " 不一致");
    }
  } else if (!req.basic_code.empty()) {
    if (!basic_code_valid(req.basic_code, &why)) {
      return reg_error(kFormatPrefix, "基本编码 " + req.basic_code + "：" + why);
    }
    if (!credit_code_valid(req.agency_code, &why)) {
      return reg_error(kCreditPrefix, "实施主体编码 " + req.agency_code + " " + why);
    }
    if (req.level_code.size() != 1 || req.level_code[0] < '1' || req.level_code[0] > '7') {
      return reg_error(kFormatPrefix, "行使层级代码应为 1–7，实为 " + req.level_code);
    }
    impl = make_impl_code(req.agency_code, req.level_code, req.basic_code);
  }
  if (!req.scheme.provincial && !impl.empty()) basic = impl.substr(19);

  // All changes of one assignment happen together or not at all, whether or
  // not the caller has begun a build transaction.
  if (Status s = exec("SAVEPOINT assign"); !s) return s.error();
  Result<CodeGrant> r = impl.empty() ? assign_new(req, build_date)
                                     : assign_by_input(req, impl, basic, build_date);
  if (r) {
    if (Status s = exec("RELEASE assign"); !s) {
      (void)exec("ROLLBACK TO assign");
      (void)exec("RELEASE assign");
      return s.error();
    }
  } else {
    for (auto& [sql, st] : stmts_) st->reset();
    (void)exec("ROLLBACK TO assign");
    (void)exec("RELEASE assign");
  }
  return r;
}

// An item that came with its own (valid) 实施编码 `impl` and 基本编码 `basic`
// (nationally the last 12 characters of `impl`; a province's as given).
//  - The registry knows the code: it must belong to the same department
//    (else CODE-CONFLICT). A different name means the item was renamed: the
//    codes stay, the name is updated. A retired code is taken back only by
//    the item that had it (same department and name): the item has returned,
//    e.g. after a night its workbook was missing; otherwise CODE-CONFLICT.
//  - The code is new: if its 基本编码 is one this registry allocated locally
//    to another department's item → CODE-CONFLICT. Otherwise it is registered
//    as given. If the same item (department, name, parent) was registered
//    under another code on an earlier night, the input code wins (input
//    codes are never replaced) and the old entry is retired, so its codes
//    stay reserved.
Result<CodeGrant> Registry::assign_by_input(const CodeRequest& req, const std::string& impl,
                                            const std::string& basic, const std::string& date) {
  CodeGrant g;
  g.impl_code = impl;
  g.basic_code = basic;
  if (std::optional<RegistryEntry> e = find(impl)) {
    if (e->department != req.department) {
      return reg_error(kConflictPrefix, "实施编码 " + impl + " 已赋给" +
                                            describe(e->department, e->name) + "，不能再用于" +
                                            describe(req.department, req.name));
    }
    if (e->name != req.name && req.department_names && req.department_names->count(e->name)) {
      // The item that holds the code is still in the input: the code stays
      // with it, whatever another row carries.
      return reg_error(kConflictPrefix, "实施编码 " + impl + " 属于" + describe(e->department, e->name) +
                                            "（本期仍在填报），不能用于事项「" + req.name +
                                            "」；请核对该行的实施编码（新事项请留空，由系统赋码）");
    }
    if (e->status == kStatusRetired && e->name != req.name) {
      return reg_error(kConflictPrefix, "实施编码 " + impl + " 属于已取消的" +
                                            describe(e->department, e->name) +
                                            "，已取消事项的编码不再分配给其他事项「" + req.name +
                                            "」");
    }
    if (e->name != req.name) {
      g.renamed = true;
      g.old_name = e->name;
    }
    Stmt& q = stmt(
        "UPDATE items SET name = ?, parent = ?, status = '在用', last_date = ? "
        "WHERE impl_code = ?");
    q.reset().bind(1, req.name).bind(2, req.parent).bind(3, date).bind(4, impl);
    if (!q.run()) return db_error("更新事项");
    return g;
  }

  Stmt& b = stmt(
      "SELECT department, name FROM items WHERE basic_code = ? AND origin = 'local' "
      "AND department <> ? LIMIT 1");
  b.reset().bind(1, g.basic_code).bind(2, req.department);
  if (b.step() == SQLITE_ROW) {
    std::string dept = b.text(0), name = b.text(1);
    b.reset();
    return reg_error(kConflictPrefix, "基本编码 " + g.basic_code + " 已由编码库赋给" +
                                          describe(dept, name) + "，不能再用于" +
                                          describe(req.department, req.name));
  }
  b.reset();

  if (std::optional<RegistryEntry> old = find_exact(req.department, req.name, req.parent);
      old && old->status != kStatusRetired && old->last_date < date) {
    if (Status s = retire(old->impl_code, date); !s) return s.error();
  }
  g.is_new = true;
  RegistryEntry e{impl, g.basic_code, req.department, req.name, req.parent,
                  std::string(kStatusActive), date, date};
  if (Status s = insert(e, "input"); !s) return s.error();
  return g;
}

// An item without input codes: found by (department, name, parent), else
// allocated. A retired entry found by name is the same item returning and
// gets its own codes back.
//
// A main item keeps its SSS for ever: one that first got "000" and later
// gains sub-items keeps "000" (codes never change); only items first seen
// with sub-items get "00Y". Its sub-items still number 001, 002 … under its
// first nine characters.
Result<CodeGrant> Registry::assign_new(const CodeRequest& req, const std::string& date) {
  if (std::optional<RegistryEntry> e = find_exact(req.department, req.name, req.parent)) {
    Stmt& q = stmt("UPDATE items SET status = '在用', last_date = ? WHERE impl_code = ?");
    q.reset().bind(1, date).bind(2, e->impl_code);
    if (!q.run()) return db_error("更新事项");
    CodeGrant g;
    g.impl_code = e->impl_code;
    g.basic_code = e->basic_code;
    return g;
  }

  std::string agency = req.agency_code, level = req.level_code, basic;
  if (!req.parent.empty()) {
    std::optional<RegistryEntry> main = find_exact(req.department, req.parent, "");
    if (!main) {
      // The main item has no codes yet (it may be rejected this night):
      // reserve its codes now from the sub-item's request, as a main item
      // with sub-items ("00Y"). When it appears it is found by its name.
      CodeRequest m = req;
      m.name = req.parent;
      m.parent.clear();
      m.has_children = true;
      m.basic_code.clear();
      m.impl_code.clear();
      Result<CodeGrant> g = assign_new(m, date);
      if (!g) return g.error();
      main = find(g->impl_code);
      if (!main) return db_error("登记主项");
    }
    if (agency.empty() && level.empty()) {  // inherit the main item's agency and level
      agency = main->impl_code.substr(0, 18);
      level = main->impl_code.substr(18, 1);
    }
    Result<std::string> sub = next_sub_code(main->basic_code.substr(0, 9));
    if (!sub) return sub.error();
    basic = *sub;
  } else {
    std::string why;
    if (!two_digits(req.region)) {
      return reg_error(kFormatPrefix, "区划代码应为 2 位数字，实为「" + req.region + "」");
    }
    if (!item_type_code_valid(req.type_code)) {
      return reg_error(kFormatPrefix, "事项类型代码应为 01–10 或 20，实为「" + req.type_code + "」");
    }
    if (!two_digits(req.dept_number)) {
      return reg_error(kFormatPrefix, "部门编号应为 2 位数字，实为「" + req.dept_number + "」");
    }
    Result<std::string> prefix = next_main_prefix(req.region, req.type_code, req.dept_number);
    if (!prefix) return prefix.error();
    basic = *prefix + std::string(req.has_children ? kSubParent : kSubNone);
  }
  std::string why;
  if (!credit_code_valid(agency, &why)) {
    return reg_error(kCreditPrefix, "实施主体编码 " + agency + " " + why);
  }
  if (level.size() != 1 || level[0] < '1' || level[0] > '7') {
    return reg_error(kFormatPrefix, "行使层级代码应为 1–7，实为「" + level + "」");
  }
  CodeGrant g;
  g.basic_code = basic;
  g.impl_code = make_impl_code(agency, level, basic);
  g.is_new = true;
  if (g.impl_code.empty() || find(g.impl_code)) {
    // Cannot happen: the sequence was free of every registered 基本编码.
    return make_error(file_place(path_), "编码库内部错误：生成的实施编码 " + agency + level + basic +
                                        " 无效或已被占用");
  }
  RegistryEntry e{g.impl_code, basic, req.department, req.name, req.parent,
                  std::string(kStatusActive), date, date};
  if (Status s = insert(e, "local"); !s) return s.error();
  return g;
}

// The next unused sequence number of a counter scope (1 when new).
long long Registry::counter(const std::string& scope) {
  Stmt& c = stmt("SELECT next FROM counters WHERE scope = ?");
  c.reset().bind(1, scope);
  long long next = c.step() == SQLITE_ROW ? c.integer(0) : 1;
  c.reset();
  return next;
}

// Moves a counter scope on to `next`; false on a database error.
bool Registry::set_counter(const std::string& scope, long long next) {
  Stmt& w = stmt(
      "INSERT INTO counters(scope, next) VALUES (?, ?) "
      "ON CONFLICT(scope) DO UPDATE SET next = excluded.next");
  return w.reset().bind(1, scope).bind(2, next).run();
}

// Finds the next free main-item sequence for (region, type, department
// number) and returns the first nine characters RR TT DD sss. A sequence is
// free if no registered 基本编码 (of any status, any origin) starts with those
// nine characters; the counter moves past it so it is never offered again.
Result<std::string> Registry::next_main_prefix(const std::string& region, const std::string& type,
                                               const std::string& dept_number) {
  std::string scope = "main:" + region + type + dept_number;
  long long next = counter(scope);
  Stmt& used = stmt("SELECT 1 FROM items WHERE basic_code >= ? AND basic_code < ? LIMIT 1");
  for (; next <= kMaxSequence; ++next) {
    std::string prefix = region + type + dept_number + encode_sequence(static_cast<int>(next));
    used.reset().bind(1, prefix).bind(2, prefix + "\x7f");
    bool taken = used.step() == SQLITE_ROW;
    used.reset();
    if (taken) continue;
    if (!set_counter(scope, next + 1)) return db_error("更新序号");
    return prefix;
  }
  return reg_error(kFormatPrefix, "区划 " + region + "、事项类型 " + type + "、部门编号 " +
                                      dept_number + " 下的主项序号已用完");
}

// Finds the next free sub-item 基本编码 (001–999) under a main item's first
// nine characters; the counter moves past it.
Result<std::string> Registry::next_sub_code(const std::string& prefix9) {
  std::string scope = "sub:" + prefix9;
  long long next = counter(scope);
  Stmt& used = stmt("SELECT 1 FROM items WHERE basic_code = ? LIMIT 1");
  for (; next <= 999; ++next) {
    std::string code = prefix9 + encode_sub_sequence(static_cast<int>(next));
    used.reset().bind(1, code);
    bool taken = used.step() == SQLITE_ROW;
    used.reset();
    if (taken) continue;
    if (!set_counter(scope, next + 1)) return db_error("更新序号");
    return code;
  }
  return reg_error(kFormatPrefix, "主项 " + prefix9 + " 下的子项序号 001–999 已用完");
}

Status Registry::save_published(const PublishedRecord& r) {
  Stmt& q = stmt(
      "INSERT INTO published_items(impl_code, department, name, content, version, approved, "
      "poster_version) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(impl_code) DO UPDATE SET "
      "department = excluded.department, name = excluded.name, content = excluded.content, "
      "version = excluded.version, approved = excluded.approved, "
      "poster_version = excluded.poster_version");
  q.reset().bind(1, r.impl_code).bind(2, r.department).bind(3, r.name).bind(4, r.content)
      .bind(5, r.version).bind(6, r.approved)
      .bind(7, r.poster_version.empty() ? r.version : r.poster_version);
  if (!q.run()) return db_error("保存发布内容");
  return Ok{};
}

Status Registry::unpublish(const std::string& impl_code) {
  Stmt& q = stmt("DELETE FROM published_items WHERE impl_code = ?");
  q.reset().bind(1, impl_code);
  if (!q.run()) return db_error("撤下发布内容");
  return Ok{};
}

Status Registry::set_state(const std::string& key, const std::string& value) {
  Stmt& q = stmt("INSERT INTO state(key, value) VALUES (?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  q.reset().bind(1, key).bind(2, value);
  if (!q.run()) return db_error("保存构建状态");
  return Ok{};
}

std::optional<std::string> Registry::state(const std::string& key) const {
  Stmt& q = stmt("SELECT value FROM state WHERE key = ?");
  q.reset().bind(1, key);
  std::optional<std::string> out;
  if (q.step() == SQLITE_ROW) out = q.text(0);
  q.reset();
  return out;
}

std::vector<PublishedRecord> Registry::published_items() const {
  Stmt& q = stmt(
      "SELECT impl_code, department, name, content, version, approved, "
      "CASE poster_version WHEN '' THEN version ELSE poster_version END FROM published_items "
      "ORDER BY impl_code");
  q.reset();
  std::vector<PublishedRecord> out;
  while (q.step() == SQLITE_ROW)
    out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6)});
  q.reset();
  return out;
}

}  // namespace qd
