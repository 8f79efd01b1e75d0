# Stopword lists and the built-in sentiment lexicon are plain text files compiled into the binary
# by cmake/embed_write.cmake. Called directly rather than through vka_embed(), which (as of this
# commit) passes its file list unquoted to the shell and names its output after the namespace,
# so it cannot embed several files under a qualified namespace.
file(GLOB vka_analysis_data CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/analysis/data/*.txt)
set(vka_analysis_data_cpp ${CMAKE_CURRENT_BINARY_DIR}/vka_analysis_data_embedded.cpp)
add_custom_command(
  OUTPUT ${vka_analysis_data_cpp}
  COMMAND ${CMAKE_COMMAND} -DOUT=${vka_analysis_data_cpp} -DNS=vka::analysis::data -DROOT=${PROJECT_SOURCE_DIR}
          "-DFILES=${vka_analysis_data}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_write.cmake
  DEPENDS ${vka_analysis_data} ${PROJECT_SOURCE_DIR}/cmake/embed_write.cmake
  COMMENT "Embedding analysis data files"
  VERBATIM)
target_sources(vka_analysis PRIVATE ${vka_analysis_data_cpp})
