# vka_dashboard(<target>): builds the single-page app in web/ with npm and compiles its files (and
# their .gz/.br copies) into <target> as std::span<const vka::EmbeddedFile>
# vka::api::dashboard_files::embedded_files(), paths relative to the site root ("index.html").
# `npm ci` runs only when package-lock.json changed; `npm run build` when a web source changed.
function(vka_dashboard target)
  find_program(VKA_NPM npm REQUIRED)
  set(web ${PROJECT_SOURCE_DIR}/web)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/dashboard)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${web}/src/* ${web}/public/*)
  add_custom_command(
    OUTPUT ${out}/npm-ci.stamp
    COMMAND ${VKA_NPM} ci --prefer-offline --no-audit --no-fund --loglevel=error
    COMMAND ${CMAKE_COMMAND} -E touch ${out}/npm-ci.stamp
    DEPENDS ${web}/package-lock.json ${web}/package.json
    WORKING_DIRECTORY ${web}
    COMMENT "Installing the dashboard's npm packages"
    VERBATIM)
  add_custom_command(
    OUTPUT ${out}/build.stamp
    COMMAND ${CMAKE_COMMAND} -E env VKA_WEB_OUT_DIR=${out}/site ${VKA_NPM} run --silent build -- --logLevel warn
    COMMAND ${CMAKE_COMMAND} -E touch ${out}/build.stamp
    DEPENDS ${out}/npm-ci.stamp ${sources} ${web}/index.html ${web}/vite.config.ts ${web}/tsconfig.json
    WORKING_DIRECTORY ${web}
    COMMENT "Building the dashboard"
    VERBATIM)
  add_custom_command(
    OUTPUT ${out}/dashboard_embedded.cpp
    COMMAND ${CMAKE_COMMAND} -DOUT=${out}/dashboard_embedded.cpp -DNS=vka::api::dashboard_files -DROOT=${out}/site
            -DDIR=${out}/site -P ${PROJECT_SOURCE_DIR}/cmake/embed_write.cmake
    DEPENDS ${out}/build.stamp ${PROJECT_SOURCE_DIR}/cmake/embed_write.cmake
    COMMENT "Embedding the dashboard"
    VERBATIM)
  target_sources(${target} PRIVATE ${out}/dashboard_embedded.cpp)
endfunction()
