// A file of the checkout, read whole: the documents and fixtures the tests of import read.
#ifndef BACKTALK_TESTS_SUPPORT_SOURCE_H_
#define BACKTALK_TESTS_SUPPORT_SOURCE_H_

#include <fstream>
#include <sstream>
#include <string>

namespace backtalk::testing {

// `relative` to the top of the checkout; "" when it cannot be read.
inline std::string Source(const std::string& relative) {
  std::ifstream in(std::string(BACKTALK_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace backtalk::testing

#endif  // BACKTALK_TESTS_SUPPORT_SOURCE_H_
