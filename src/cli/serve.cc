// `backtalk serve`: runs backtalk-serve, the server, from the folder this program is in (see
// src/cli/serve/main.cc for why it is a program of its own). The options were checked here.
#include <limits.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace backtalk {

int RunServe(const Options& options) {
  char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  std::string dir = n > 0 ? std::string(self, static_cast<size_t>(n)) : "";
  dir = dir.substr(0, dir.rfind('/') + 1);
  std::string server = dir + "backtalk-serve";
  std::vector<std::string> args{server, "--host", options.host, "--port",
                                std::to_string(options.port)};
  if (!options.knowledge.empty()) args.insert(args.end(), {"--knowledge", options.knowledge});
  if (!options.cors.empty()) args.insert(args.end(), {"--cors", options.cors});
  if (options.threads > 0) args.insert(args.end(), {"--threads", std::to_string(options.threads)});
  if (options.quiet) args.push_back("--quiet");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::fflush(nullptr);
  execv(server.c_str(), argv.data());
  std::fprintf(stderr, "backtalk: cannot run the server %s: %s\n", server.c_str(),
               std::strerror(errno));
  return kExitError;
}

}  // namespace backtalk
