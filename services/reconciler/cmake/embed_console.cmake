# ml_reconciler_embed_console(<out_var> DIR <folder of .html/.js/.css files>)
#
# Generates a .cpp defining ml::reconciler::console_assets(): every file of the folder as
# {name, content type, text}, compiled into the binary so the console needs no files at run time.
# Rebuilt when a file changes; re-globbed on configure.
set(ML_RECONCILER_CONSOLE_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_console_script.cmake CACHE INTERNAL "")

function(ml_reconciler_embed_console out_var)
  cmake_parse_arguments(A "" "DIR" "" ${ARGN})
  file(GLOB files CONFIGURE_DEPENDS ${A_DIR}/*.html ${A_DIR}/*.js ${A_DIR}/*.css)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/console_assets.cpp)
  add_custom_command(OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DDIR=${A_DIR} -DOUTPUT=${output} -P ${ML_RECONCILER_CONSOLE_SCRIPT}
    DEPENDS ${files} ${ML_RECONCILER_CONSOLE_SCRIPT}
    COMMENT "Embedding the operator console of ${A_DIR}")
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
