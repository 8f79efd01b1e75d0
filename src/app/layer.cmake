target_compile_definitions(vka_app PRIVATE VKA_VERSION="${PROJECT_VERSION}")
