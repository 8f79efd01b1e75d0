# Migrations are compiled into the binary: vka::store::migration_files::embedded_files().
file(GLOB_RECURSE migration_sql CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/store/migrations/*.sql)
vka_embed(vka_store vka::store::migration_files ${migration_sql})
target_link_libraries(vka_store PUBLIC Boost::json)
