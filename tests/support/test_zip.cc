#include "support/test_zip.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace qd::testing {

namespace {

// State of one generated entry for the libzip source callback.
struct Generator {
  const StreamEntry* entry;
  uint64_t pos = 0;
  zip_error_t error;
  // Bytes of the repeated part.
  uint64_t middle() const {
    return entry->count * (entry->fill_text.empty() ? 1 : entry->fill_text.size());
  }
  uint64_t total() const { return entry->prefix.size() + middle() + entry->suffix.size(); }
};

// libzip source callback producing a StreamEntry's bytes.
zip_int64_t generate(void* ud, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  Generator* g = static_cast<Generator*>(ud);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      g->pos = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      char* out = static_cast<char*>(data);
      uint64_t n = std::min<uint64_t>(len, g->total() - g->pos);
      const StreamEntry& e = *g->entry;
      for (uint64_t k = 0; k < n; ++k) {
        uint64_t p = g->pos + k;
        if (p < e.prefix.size()) out[k] = e.prefix[p];
        else if (p < e.prefix.size() + g->middle())
          out[k] = e.fill_text.empty() ? e.fill
                                       : e.fill_text[(p - e.prefix.size()) % e.fill_text.size()];
        else out[k] = e.suffix[p - e.prefix.size() - g->middle()];
      }
      g->pos += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      zip_stat_t* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->size = g->total();
      st->mtime = 0;
      st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
      return sizeof(*st);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&g->error, data, len);
    case ZIP_SOURCE_FREE:
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                            -1);
    default:
      zip_error_set(&g->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

}  // namespace

std::string make_zip(const std::vector<ZipEntry>& entries,
                     const std::vector<StreamEntry>& streamed, bool compress) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  if (!za) throw std::runtime_error("zip_open_from_source failed");
  zip_source_keep(src);
  for (const ZipEntry& e : entries) {
    zip_source_t* s = zip_source_buffer(za, e.data.data(), e.data.size(), 0);
    zip_int64_t idx = zip_file_add(za, e.name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) throw std::runtime_error("zip_file_add failed");
    if (!compress) zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
  }
  std::vector<Generator> gens(streamed.size());
  for (size_t i = 0; i < streamed.size(); ++i) {
    gens[i].entry = &streamed[i];
    zip_error_init(&gens[i].error);
    zip_source_t* s = zip_source_function(za, generate, &gens[i]);
    if (zip_file_add(za, streamed[i].name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0)
      throw std::runtime_error("zip_file_add failed");
  }
  if (zip_close(za) != 0) throw std::runtime_error("zip_close failed");
  std::string out;
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    out.resize(static_cast<size_t>(size));
    zip_source_read(src, out.data(), out.size());
    zip_source_close(src);
  }
  zip_source_free(src);
  return out;
}

std::string worksheet_xml(const std::string& sheet_data, const std::string& after) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<sheetData>" +
         sheet_data + "</sheetData>" + after + "</worksheet>";
}

std::vector<ZipEntry> minimal_xlsx_parts(const std::string& sheet_xml,
                                         const std::string& shared_strings_xml) {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::vector<ZipEntry> parts = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
       "</Relationships>"},
      {"xl/workbook.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook "
       "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"" + rel +
           "\"><sheets><sheet name=\"实施清单\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
       "</Relationships>"},
      {"xl/worksheets/sheet1.xml", sheet_xml},
  };
  if (!shared_strings_xml.empty()) parts.push_back({"xl/sharedStrings.xml", shared_strings_xml});
  return parts;
}

void patch_uncompressed_size(std::string* zip, const std::string& name, uint32_t size) {
  auto put32 = [&](size_t at) {
    for (int k = 0; k < 4; ++k) (*zip)[at + k] = static_cast<char>((size >> (8 * k)) & 0xFF);
  };
  auto get16 = [&](size_t at) {
    return static_cast<size_t>(static_cast<unsigned char>((*zip)[at])) |
           static_cast<size_t>(static_cast<unsigned char>((*zip)[at + 1])) << 8;
  };
  for (size_t p = zip->find("PK\x03\x04"); p != std::string::npos; p = zip->find("PK\x03\x04", p + 4)) {
    if (p + 30 > zip->size()) break;
    size_t n = get16(p + 26);
    if (zip->compare(p + 30, n, name) == 0) put32(p + 22);
  }
  for (size_t p = zip->find("PK\x01\x02"); p != std::string::npos; p = zip->find("PK\x01\x02", p + 4)) {
    if (p + 46 > zip->size()) break;
    size_t n = get16(p + 28);
    if (zip->compare(p + 46, n, name) == 0) put32(p + 24);
  }
}

}  // namespace qd::testing
