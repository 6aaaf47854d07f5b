// The ingest stage: reads everything in the input folder into the catalog —
// the departments' workbooks (.xlsx or a folder of CSV sheets), the reference
// lists and the review decisions. A file that cannot be read gets one
// FILE-UNREADABLE finding and the rest of the county goes on.
#pragma once

#include <string>

#include "base/error.h"
#include "model/catalog.h"

namespace qd {

// What ingest saw, for the exit code and the summary line.
struct IngestStats {
  int files = 0;       // department files and folders read or tried
  int unreadable = 0;  // files that could not be read at all
};

// Reads `input_dir` (settings already in catalog.settings) into `catalog`.
IngestStats ingest(const std::string& input_dir, Catalog& catalog);

// Reads only the reference lists and review decisions of `input_dir`.
void ingest_references(const std::string& input_dir, Catalog& catalog, IngestStats* stats);

// Reads one department workbook given on the command line (`qingdan check`).
// Returns false if it could not be read (a FILE-UNREADABLE finding is added).
bool ingest_department_file(const std::string& path, Catalog& catalog);

}  // namespace qd
