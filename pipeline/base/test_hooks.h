// Crash points for the tests of the nightly build: when the environment
// variable QINGDAN_CRASH_AT names a point, the process kills itself there
// (SIGKILL, like a power loss or `kill -9`), so a test can check that the
// last published output survives any moment of a build.
#pragma once

#include <string_view>

namespace qd {

// Kills the process when QINGDAN_CRASH_AT equals `point`.
void crash_point(std::string_view point);

}  // namespace qd
