# foyer_layer(NAME DEPS <targets...>)
#
# Every folder under src/ is one layer: a static library foyer_<NAME> made of
# its *.cc files, and (with FOYER_TESTS) a test binary foyer_<NAME>_tests made
# of the *_test.cc files beside them. Files are globbed so that adding one
# needs no edit here.
function(foyer_layer name)
  cmake_parse_arguments(LAYER "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  list(REMOVE_ITEM sources ${tests} ${CMAKE_CURRENT_SOURCE_DIR}/main.cc)
  add_library(foyer_${name} STATIC ${sources})
  target_include_directories(foyer_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(foyer_${name} PUBLIC ${LAYER_DEPS})
  if(FOYER_TESTS AND tests)
    add_executable(foyer_${name}_tests ${tests})
    target_link_libraries(foyer_${name}_tests PRIVATE foyer_${name} ${LAYER_TEST_DEPS}
                          GTest::gtest GTest::gmock GTest::gtest_main)
    gtest_discover_tests(foyer_${name}_tests
                         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                         DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
