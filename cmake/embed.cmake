# vka_embed(<target> <namespace> <file>...): compiles the files into <target> as
#   std::span<const vka::EmbeddedFile> <namespace>::embedded_files()
# sorted by their path relative to the project root.
function(vka_embed target ns)
  string(REPLACE "::" "_" stem "${ns}")
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${stem}_embedded.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${ns} -DROOT=${PROJECT_SOURCE_DIR}
            "-DFILES=${ARGN}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_write.cmake
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/embed_write.cmake
    COMMENT "Embedding ${ns} files"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
