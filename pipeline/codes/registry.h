// The persistent code registry: a SQLite file that remembers every code ever
// given, so that codes stay stable from one nightly build to the next.
//
// Rules (codes.md "Stability"):
// - once given, a code belongs to its item for ever (rows are never deleted);
// - a renamed item keeps its codes;
// - a retired item's codes (and its sequence) are never handed to another item;
// - codes that came in with the input are validated and kept, never replaced.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "codes/code_scheme.h"

struct sqlite3;
struct sqlite3_stmt;

namespace qd {

// Status values of an entry.
inline constexpr std::string_view kStatusActive = "在用";
inline constexpr std::string_view kStatusSuspended = "暂停";
inline constexpr std::string_view kStatusRetired = "取消";

// Every registry error message starts with one of these, so callers can map
// it to a finding id with code_error_rule().
inline constexpr std::string_view kConflictPrefix = "编码冲突：";     // CODE-CONFLICT
inline constexpr std::string_view kFormatPrefix = "编码格式错误：";   // CODE-FORMAT
inline constexpr std::string_view kCreditPrefix = "信用代码错误：";   // CREDIT-CODE
inline constexpr std::string_view kDatabasePrefix = "代码库错误：";   // not a finding

// The finding id ("CODE-CONFLICT", "CODE-FORMAT", "CREDIT-CODE") an error from
// Registry::assign stands for, or "" for other errors (database, usage).
std::string_view code_error_rule(const Error& e);

// What the pipeline knows about an item when it asks for its codes.
struct CodeRequest {
  std::string department;    // department name: the identity scope
  std::string dept_number;   // 2-digit department number from the county settings
  std::string name;          // item name (事项名称)
  std::string parent;        // 主项名称 for a sub-item, empty for a main item
  bool has_children = false; // a main item that has sub-items (SSS = "00Y")
  std::string type_code;     // "01".."10" or "20"
  std::string region;        // "13": province prefix for locally catalogued items
  std::string agency_code;   // 18-char credit code of the implementing agency
  std::string level_code;    // "1".."7"; county = "4"
  std::string basic_code;    // from the input, may be empty
  std::string impl_code;     // from the input, may be empty
  // The names of the department's items in tonight's input (any state).
  // An input code registered under another of these names belongs to that
  // item: using it here is CODE-CONFLICT, not a rename.
  const std::set<std::string>* department_names = nullptr;
  // The office's code scheme: national codes are assigned when missing;
  // the province's are taken as given (the 基本编码 is then required).
  CodeScheme scheme = national_scheme();
};

// The codes an item gets, and what happened.
struct CodeGrant {
  std::string basic_code, impl_code;
  bool is_new = false;   // first time the registry sees this item
  bool renamed = false;  // known code, new name: old_name is the registry's name
  std::string old_name;
};

// One registered item.
struct RegistryEntry {
  std::string impl_code, basic_code, department, name, parent,
      status /*在用/暂停/取消*/, first_date, last_date;
};

// One item of the published list as the registry keeps it.
struct PublishedRecord {
  std::string impl_code, department, name;
  std::string content;   // item_content_json()
  std::string version;   // YYYY-MM-DD: first published with this content
  std::string approved;  // YYYY-MM-DD: date of the decision that approved it
  // YYYY-MM-DD: the version at which what a window poster prints of it last
  // changed; empty when saving means `version`, and so does a row kept by a
  // registry older than this field.
  std::string poster_version;
};

class Registry {
 public:
  // Opens (creating if needed) the registry file and its schema; the
  // directory must exist. ":memory:" gives a private in-memory registry.
  static Result<std::unique_ptr<Registry>> open(const std::string& path);
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Starts the build's transaction (BEGIN IMMEDIATE).
  Status begin();
  // Commits the build's transaction.
  Status commit();
  // Abandons the build's transaction; the registry is as it was at begin().
  void rollback();

  // ---- builds: generation, journal, copies (see registry.cc's schema) ----

  // How many builds have been committed (0: a new or empty registry), and
  // the date of the last ("" when none).
  long long generation() const;
  std::string last_build() const;
  // How many codes were ever given (rows of the items table).
  long long code_count() const;
  // Commits the build's transaction as build number `generation` of
  // `date`, keeping a journal of what it replaced in the published list
  // until forget_journal(): the build commits before its output is
  // published, so that no output ever shows a code the registry lacks.
  Status commit_build(long long generation, const std::string& date);
  // True when the last committed build left its journal (its output was not
  // yet known to be published).
  bool has_journal() const;
  // Puts the published list and the state back as they were before the
  // journaled build, whose output was never published; its codes stay
  // given (reserved). Clears the journal.
  Status undo_journal();
  // Drops the journal: the journaled build's output is published.
  Status forget_journal();
  // Writes a consistent copy of the committed registry, without a journal,
  // to `path` (SQLite's VACUUM INTO; never a file copy of a live database).
  Status save_copy(const std::string& path);
  // Replaces the registry file at `path` by the copy at `from` with SQLite's
  // online backup (WAL files included), creating it when missing.
  static Status restore_copy(const std::string& from, const std::string& path);

  // Gives the item its codes: by the input impl/basic code when present,
  // else by (department, name, parent), else allocates the next free
  // sequence for (region, type, dept_number), never reusing one handed out.
  // A sub-item numbers 001–999 under its main item; a main item not yet
  // registered gets its codes reserved then. See registry.cc for the rules. Errors start with kConflictPrefix,
  // kFormatPrefix, kCreditPrefix or kDatabasePrefix; their place is empty.
  Result<CodeGrant> assign(const CodeRequest& req, const std::string& build_date /*YYYY-MM-DD*/);

  // Marks an item retired (取消); its codes stay reserved.
  Status retire(const std::string& impl_code, const std::string& build_date);

  // Every entry, ordered by impl_code (for the forms writer and reports).
  std::vector<RegistryEntry> entries() const;
  // The entry with this 实施编码.
  std::optional<RegistryEntry> find(const std::string& impl_code) const;
  // The entry of a department with this name (an active one first; main
  // items before sub-items of the same name).
  std::optional<RegistryEntry> find_by_name(const std::string& department,
                                            const std::string& name) const;

  // Stores a published item (replacing its previous content), so a later
  // build can keep the last good version and say what changed.
  Status save_published(const PublishedRecord& record);
  // Takes an item off the published list (it was retired).
  Status unpublish(const std::string& impl_code);
  // The published list as the last committed build left it, by impl_code.
  std::vector<PublishedRecord> published_items() const;
  // A small document kept between builds (the last change log), by key.
  Status set_state(const std::string& key, const std::string& value);
  std::optional<std::string> state(const std::string& key) const;

 private:
  class Stmt;
  explicit Registry(sqlite3* db, std::string path);

  Stmt& stmt(const char* sql) const;
  Error db_error(std::string_view what) const;
  Status exec(const char* sql);
  Status init_schema();
  Status add_poster_version();

  Result<CodeGrant> assign_by_input(const CodeRequest& req, const std::string& impl,
                                    const std::string& basic, const std::string& date);
  Result<CodeGrant> assign_new(const CodeRequest& req, const std::string& date);
  Result<std::string> next_main_prefix(const std::string& region, const std::string& type,
                                       const std::string& dept_number);
  Result<std::string> next_sub_code(const std::string& prefix9);
  long long counter(const std::string& scope);
  bool set_counter(const std::string& scope, long long next);
  std::optional<RegistryEntry> find_exact(const std::string& department,
                                          const std::string& name,
                                          const std::string& parent) const;
  Status insert(const RegistryEntry& e, std::string_view origin);

  sqlite3* db_;
  std::string path_;
  mutable std::map<const char*, std::unique_ptr<Stmt>> stmts_;
};

}  // namespace qd
