#include "base/build_id.h"

#include <cstdio>
#include <cstring>
#include <elf.h>
#include <link.h>

namespace qd {

namespace {

// The build ID note among the main executable's PT_NOTE segments, as hex.
int find_build_id(struct dl_phdr_info* info, size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, p, sizeof note);
      const char* name = p + sizeof note;
      const char* desc = name + ((note.n_namesz + 3) & ~3u);
      const char* next = desc + ((note.n_descsz + 3) & ~3u);
      if (next > end) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        std::string hex = "build-id:";
        char b[3];
        for (unsigned k = 0; k < note.n_descsz; ++k) {
          std::snprintf(b, sizeof b, "%02x", static_cast<unsigned char>(desc[k]));
          hex += b;
        }
        *out = hex;
        return 1;
      }
      p = next;
    }
  }
  return 1;  // the first object is the main executable: stop there
}

}  // namespace

std::string program_build_id() {
  std::string id;
  dl_iterate_phdr(find_build_id, &id);
  return id;
}

}  // namespace qd
