// Runs a test suite once per database backend: SQLite always, PostgreSQL when the test server is
// running (`make test` starts one), skipped otherwise.
#pragma once

#include "support/test_database.hpp"

#include <gtest/gtest.h>

namespace sala::test {

class BackendTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        if (GetParam() == Backend::postgres && !postgres_url()) {
            GTEST_SKIP() << "PostgreSQL tests need SALA_TEST_PG_URL (make test provides it)";
        }
    }
};

inline std::string backend_param_name(const ::testing::TestParamInfo<Backend>& info)
{
    return backend_name(info.param);
}

}  // namespace sala::test

#define SALA_INSTANTIATE_BACKENDS(suite)                                                                      \
    INSTANTIATE_TEST_SUITE_P(Backends, suite,                                                                 \
                             ::testing::Values(::sala::test::Backend::sqlite, ::sala::test::Backend::postgres), \
                             ::sala::test::backend_param_name)
