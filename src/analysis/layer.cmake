# Stopword lists and the built-in sentiment lexicon are plain text files compiled into the binary:
# vka::analysis::data::embedded_files().
file(GLOB vka_analysis_data CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/analysis/data/*.txt)
vka_embed(vka_analysis vka::analysis::data ${vka_analysis_data})
