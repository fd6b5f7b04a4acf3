# Helpers every lib, service and tool uses, so their CMakeLists stay a few lines long.
#
#   ml_library(NAME SOURCES a.cpp... DEPS target...)      -> ml_NAME, alias ml::NAME, headers in include/
#   ml_executable(NAME SOURCES ... DEPS ...)             -> executable NAME
#   ml_test(NAME LABEL unit|integration|e2e SOURCES ... DEPS ... [TIMEOUT s])
#                                                        -> Catch2 executable registered with ctest
#   ml_script_test(NAME LABEL ... COMMAND program args... [ENV K=V...] [TIMEOUT s])
#                                                        -> a script registered with ctest (77 = skipped)

function(ml_library name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_library(ml_${name} ${A_SOURCES})
  add_library(ml::${name} ALIAS ml_${name})
  target_include_directories(ml_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_link_libraries(ml_${name} PUBLIC ${A_DEPS})
endfunction()

function(ml_executable name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${A_SOURCES})
  target_link_libraries(${name} PRIVATE ${A_DEPS})
endfunction()

function(ml_test name)
  if(NOT ML_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(A "" "LABEL;TIMEOUT" "SOURCES;DEPS" ${ARGN})
  if(NOT A_LABEL)
    set(A_LABEL unit)
  endif()
  if(NOT A_TIMEOUT)
    set(A_TIMEOUT 600)
  endif()
  add_executable(${name} ${A_SOURCES})
  target_link_libraries(${name} PRIVATE ml::testing ${A_DEPS})
  add_test(NAME ${name} COMMAND ${name})
  ml_set_test_properties(${name} ${A_LABEL} ${A_TIMEOUT} "")
endfunction()

# Label, timeout and environment of a registered test; tests that use the shared services get a lock.
function(ml_set_test_properties name label timeout extra_env)
  set_tests_properties(${name} PROPERTIES LABELS ${label} TIMEOUT ${timeout}
    ENVIRONMENT "ML_SOURCE_DIR=${CMAKE_SOURCE_DIR};ML_BINARY_DIR=${CMAKE_BINARY_DIR};${extra_env}")
  if(NOT label STREQUAL "unit")
    # Suites that use the shared PostgreSQL/RabbitMQ (and may restart them) never overlap.
    set_tests_properties(${name} PROPERTIES RESOURCE_LOCK services)
  endif()
endfunction()

# Adds every folder below `parent` that has a CMakeLists.txt, in name order, honouring ML_ONLY.
function(ml_add_subdirectories parent)
  file(GLOB _dirs LIST_DIRECTORIES true "${parent}/*")
  list(SORT _dirs)
  foreach(dir IN LISTS _dirs)
    get_filename_component(_name "${dir}" NAME)
    if(EXISTS "${dir}/CMakeLists.txt" AND (NOT ML_ONLY OR _name IN_LIST ML_ONLY))
      add_subdirectory("${dir}")
    endif()
  endforeach()
endfunction()

# ml_script_test(NAME LABEL unit|integration|e2e COMMAND program args... [ENV K=V...] [TIMEOUT s])
#   -> a test that runs a script; exit status 77 means "skipped" (the script prints why).
function(ml_script_test name)
  if(NOT ML_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(A "" "LABEL;TIMEOUT" "COMMAND;ENV" ${ARGN})
  if(NOT A_TIMEOUT)
    set(A_TIMEOUT 300)
  endif()
  add_test(NAME ${name} COMMAND ${A_COMMAND})
  ml_set_test_properties(${name} ${A_LABEL} ${A_TIMEOUT} "${A_ENV}")
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77)
endfunction()
