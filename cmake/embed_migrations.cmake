# Generates a C++ include with every src/store/schema/NNN_*.sql as a raw string, so the
# human-readable schema files are the single source of the migrations.
file(GLOB migration_files "${SCHEMA_DIR}/*.sql")
list(SORT migration_files)
set(content "// Generated from src/store/schema/*.sql by cmake/embed_migrations.cmake.\n")
foreach(migration ${migration_files})
  get_filename_component(name ${migration} NAME)
  string(REGEX MATCH "^[0-9]+" number ${name})
  math(EXPR version "${number}")
  file(READ ${migration} sql)
  string(APPEND content "{${version}, \"${name}\", R\"avedi_sql(${sql})avedi_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
