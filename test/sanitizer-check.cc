/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Proof that the sanitizer build reports what it should (built and run only
 * with EDGE_DML_SANITIZE): each mode commits one error that AddressSanitizer,
 * LeakSanitizer or UndefinedBehaviorSanitizer must turn into a report and a
 * failing exit status under the test preset's ASAN_OPTIONS / UBSAN_OPTIONS.
 * If one of these runs passed, a clean sanitizer run of the suite would
 * prove nothing.
 *
 *   sanitizer-check leak | heap-overflow | signed-overflow | clean
 */

#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

namespace
{

/// Keeps the compiler from seeing through the values below.
volatile int g_sink = 0;

} // namespace

int
main(int argc, char* argv[])
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "leak")
    {
        int* lost = new int[100];
        lost[0] = 1;
        g_sink = lost[0];
        lost = nullptr; // the only pointer is gone: a definite leak
        return 0;
    }
    if (mode == "heap-overflow")
    {
        char* buffer = new char[8];
        std::memset(buffer, 0, 8);
        const int index = 8 + g_sink; // one past the end
        g_sink = buffer[index];
        delete[] buffer;
        return 0;
    }
    if (mode == "signed-overflow")
    {
        volatile int big = INT_MAX;
        g_sink = big + 1;
        return 0;
    }
    if (mode == "clean")
    {
        return 0;
    }
    std::fprintf(stderr, "usage: sanitizer-check leak|heap-overflow|signed-overflow|clean\n");
    return 2;
}
