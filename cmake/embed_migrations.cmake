# Generates a C++ source holding every sql/migrations/NNNN_name.sql, so the binary carries its
# schema with it. Run at build time: cmake -DSOURCE_DIR=… -DOUTPUT=… -P embed_migrations.cmake
file(GLOB files "${SOURCE_DIR}/sql/migrations/[0-9][0-9][0-9][0-9]_*.sql")
list(SORT files)
set(body "")
foreach(f IN LISTS files)
  get_filename_component(name "${f}" NAME_WE)
  string(SUBSTRING "${name}" 0 4 version)
  string(SUBSTRING "${name}" 5 -1 label)
  math(EXPR version "${version}")
  file(READ "${f}" sql)
  string(APPEND body "        {${version}, \"${label}\", R\"sala_sql(${sql})sala_sql\"},\n")
endforeach()
set(content "// Generated from sql/migrations by cmake/embed_migrations.cmake; do not edit.
#include \"db/migrations.hpp\"

namespace sala::db {

const std::vector<Migration>& embedded_migrations()
{
    static const std::vector<Migration> migrations{
${body}    };
    return migrations;
}

}  // namespace sala::db
")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
  if(old STREQUAL content)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${content}")
