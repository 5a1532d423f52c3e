// The one doctest main that every test executable links: each stage's tests stay a plain file
// of TEST_CASEs and run as their own meson test().
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
