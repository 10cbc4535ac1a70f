# Turns the web chat page into a C++ source holding it as one string (see scripts/embed.cmake).
file(READ ${INPUT} CONTENT)
string(FIND "${CONTENT}" ")bktpage\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )bktpage\"")
endif()
file(WRITE ${OUTPUT}.tmp
  "// Generated from src/server/web/index.html by scripts/embed_page.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace backtalk {\n"
  "std::string_view WebPage() {\n"
  "  static constexpr char kText[] = R\"bktpage(${CONTENT})bktpage\";\n"
  "  return {kText, sizeof(kText) - 1};\n"
  "}\n"
  "}  // namespace backtalk\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
