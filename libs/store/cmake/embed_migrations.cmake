# ml_store_embed_migrations(<out_var> DIR <folder of V001__name.sql files> FUNCTION <qualified name>)
#
# Generates a .cpp defining `std::vector<ml::store::Migration> <name>()` that returns the folder's
# migrations compiled into the binary (parsed with ml::store::parse_migration_files), and puts its
# path in <out_var> for the target's SOURCES. Rebuilt when a file changes; re-globbed on configure.
set(ML_STORE_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_migrations_script.cmake CACHE INTERNAL "")

function(ml_store_embed_migrations out_var)
  cmake_parse_arguments(A "" "DIR;FUNCTION" "" ${ARGN})
  if(NOT A_DIR OR NOT A_FUNCTION)
    message(FATAL_ERROR "ml_store_embed_migrations needs DIR and FUNCTION")
  endif()
  file(GLOB sql_files CONFIGURE_DEPENDS ${A_DIR}/*.sql)
  string(MAKE_C_IDENTIFIER "${A_FUNCTION}" stem)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${stem}.cpp)
  add_custom_command(OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DDIR=${A_DIR} -DFUNCTION=${A_FUNCTION} -DOUTPUT=${output}
            -P ${ML_STORE_EMBED_SCRIPT}
    DEPENDS ${sql_files} ${ML_STORE_EMBED_SCRIPT}
    COMMENT "Embedding migrations of ${A_DIR}")
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
