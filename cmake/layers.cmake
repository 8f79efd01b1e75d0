# vka_layer(<name> LIBS ...): a static library vka_<name> from every .cpp under src/<name>/.
# Globbing (re-checked at build time) lets a layer grow without touching this file.
# A layer with no sources yet becomes an interface library so dependents still link.
function(vka_layer name)
  cmake_parse_arguments(L "" "" "LIBS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  file(GLOB_RECURSE embedded CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.sql)
  if(sources)
    add_library(vka_${name} STATIC ${sources})
    target_link_libraries(vka_${name} PUBLIC vka_options ${L_LIBS})
  else()
    add_library(vka_${name} INTERFACE)
    target_link_libraries(vka_${name} INTERFACE vka_options ${L_LIBS})
  endif()
  # A layer's own extra build steps (embedded files, generated code) live beside its sources.
  if(EXISTS ${PROJECT_SOURCE_DIR}/src/${name}/layer.cmake)
    include(${PROJECT_SOURCE_DIR}/src/${name}/layer.cmake)
  endif()
endfunction()

# vka_test_dir(<kind> <layer> LIBS ...): one gtest executable per tests/<kind>/<layer>/ folder.
function(vka_test_dir kind layer)
  cmake_parse_arguments(T "" "" "LIBS;LABELS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${kind}/${layer}/*.cpp)
  if(NOT sources)
    return()
  endif()
  set(target ${kind}_${layer})
  add_executable(${target} ${sources})
  target_link_libraries(${target} PRIVATE vka_options ${T_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${target} PRIVATE VKA_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
  if(kind STREQUAL "e2e")
    # End-to-end tests drive the real binary.
    target_compile_definitions(${target} PRIVATE VKA_BINARY="$<TARGET_FILE:vk-analytics>")
    add_dependencies(${target} vk-analytics)
  endif()
  gtest_discover_tests(${target} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS "${kind}")
endfunction()
