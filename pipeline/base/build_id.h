// The identity of the running program: its GNU build ID, which the linker
// computes over the whole linked file, so any change to the code gives
// another one. The nightly build's digests include it, so a new qingdan
// renders everything again; reading the note costs nothing, where hashing
// the executable's 80 MB took a tenth of a second every night.
#pragma once

#include <string>

namespace qd {

// "build-id:<hex>" of the main executable, or "" when it has none (linked
// without --build-id).
std::string program_build_id();

}  // namespace qd
