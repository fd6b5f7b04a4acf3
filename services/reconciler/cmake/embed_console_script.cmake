# cmake -DDIR=<folder> -DOUTPUT=<file.cpp> -P embed_console_script.cmake (see embed_console.cmake)
file(GLOB files ${DIR}/*.html ${DIR}/*.js ${DIR}/*.css)
list(SORT files)
set(delimiter "ml_console_asset")
set(body "")
foreach(file IN LISTS files)
  get_filename_component(name ${file} NAME)
  get_filename_component(extension ${file} LAST_EXT)
  if(extension STREQUAL ".html")
    set(type "text/html; charset=utf-8")
  elseif(extension STREQUAL ".js")
    set(type "text/javascript; charset=utf-8")
  else()
    set(type "text/css; charset=utf-8")
  endif()
  file(READ ${file} text)
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw-string delimiter )${delimiter}\"")
  endif()
  string(APPEND body "      {\"${name}\", \"${type}\", R\"${delimiter}(${text})${delimiter}\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from ${DIR} by embed_console_script.cmake; do not edit.
#include \"ml/reconciler/console.hpp\"

namespace ml::reconciler {

const std::vector<ConsoleAsset>& console_assets() {
  static const std::vector<ConsoleAsset> assets{
${body}  };
  return assets;
}

}  // namespace ml::reconciler
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
