# Worker threads.
target_link_libraries(vka_jobs PUBLIC Threads::Threads spdlog::spdlog)
