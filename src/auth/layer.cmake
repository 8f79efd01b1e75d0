# The list of common passwords refused for accounts is compiled into the binary:
# vka::auth::data::embedded_files(). scripts/update-common-passwords rebuilds it.
vka_embed(vka_auth vka::auth::data ${PROJECT_SOURCE_DIR}/src/auth/data/common_passwords.txt)
