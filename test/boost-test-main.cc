// SPDX-License-Identifier: GPL-2.0-only
// The Boost.Test program of coded-learning: pure code (learning core, codes, controller).
// Every top-level test suite is an area (learning, coding, admission, ...), which becomes the
// CTest label; see cmake/coded-learning-discover.cmake.
#define BOOST_TEST_MODULE coded - learning
#include <boost/test/unit_test.hpp>
