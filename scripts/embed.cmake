# Turns a text file into a C++ source holding it as one string, returned by the function FUNCTION
# in namespace backtalk: the built-in knowledge and the everyday questions.
file(READ ${INPUT} CONTENT)
string(FIND "${CONTENT}" ")bktjson\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )bktjson\"")
endif()
get_filename_component(NAME ${INPUT} NAME)
file(WRITE ${OUTPUT}.tmp
  "// Generated from knowledge/${NAME} by scripts/embed.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace backtalk {\n"
  "std::string_view ${FUNCTION}() {\n"
  "  static constexpr char kText[] = R\"bktjson(${CONTENT})bktjson\";\n"
  "  return {kText, sizeof(kText) - 1};\n"
  "}\n"
  "}  // namespace backtalk\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
