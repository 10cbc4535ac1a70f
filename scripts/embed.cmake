# Turns a knowledge file into a C++ source holding it as one string, for the built-in knowledge.
file(READ ${INPUT} CONTENT)
string(FIND "${CONTENT}" ")bktjson\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )bktjson\"")
endif()
file(WRITE ${OUTPUT}.tmp
  "// Generated from knowledge/back.json by scripts/embed.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace backtalk {\n"
  "std::string_view BuiltinKnowledgeText() {\n"
  "  static constexpr char kText[] = R\"bktjson(${CONTENT})bktjson\";\n"
  "  return {kText, sizeof(kText) - 1};\n"
  "}\n"
  "}  // namespace backtalk\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
