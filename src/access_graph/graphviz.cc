#include "access_graph/graphviz.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "creds/run_process.h"

namespace foyer::access_graph {
namespace {

// A temporary file holding `text`, removed when this goes out of scope:
// dot reads its input from a file, so that no pipe can fill up both ways.
class TemporaryFile {
 public:
  explicit TemporaryFile(const std::string& text) {
    std::string pattern = (std::filesystem::temp_directory_path() / "foyer-graph-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) return;
    close(fd);
    path_ = pattern;
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TemporaryFile() {
    if (!path_.empty()) std::filesystem::remove(path_);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

constexpr char kStyle[] = R"(body{font-family:sans-serif;margin:0}
header{position:sticky;top:0;background:#fff;padding:8px;border-bottom:1px solid #ccc}
input{width:40em;font-size:14px}
.dim{opacity:.15}.hit polygon,.hit ellipse{stroke:#d00;stroke-width:3}.hit path{stroke:#d00;stroke-width:2})";

constexpr char kScript[] = R"(const box = document.getElementById('search');
const items = [...document.querySelectorAll('g.node, g.edge')];
box.addEventListener('input', () => {
  const text = box.value.trim().toLowerCase();
  let hits = 0;
  for (const item of items) {
    const title = (item.querySelector('title') || {}).textContent || '';
    const hit = text !== '' && title.toLowerCase().includes(text);
    if (hit) hits++;
    item.classList.toggle('hit', hit);
    item.classList.toggle('dim', text !== '' && !hit);
  }
  document.getElementById('count').textContent = text === '' ? '' : hits + ' matching';
});)";

}  // namespace

Result<std::string> DotToSvg(const std::string& dot_source) {
  TemporaryFile input(dot_source);
  if (input.path().empty()) return MakeError("IoError", "could not write a temporary file for Graphviz");
  auto output = creds::RunProcess({"dot", "-Tsvg", input.path()});
  if (!output.ok()) {
    return MakeError("GraphvizMissing",
                     "drawing svg or html needs Graphviz's dot, which could not be run (" + output.error().message +
                         "); install the graphviz package, or use --format dot or json");
  }
  if (output->exit_status != 0) return MakeError("GraphvizFailed", "dot failed: " + output->err);
  return output->out;
}

std::string GraphHtml(const std::string& svg, const std::string& title) {
  size_t start = svg.find("<svg");
  std::string inline_svg = start == std::string::npos ? svg : svg.substr(start);
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Escaped(title) +
         "</title>\n<style>\n" + kStyle + "\n</style>\n</head>\n<body>\n<header><input id=\"search\" "
         "placeholder=\"Search principals and roles (ARN, account id, role name)\" autofocus> "
         "<span id=\"count\"></span></header>\n" +
         inline_svg + "\n<script>\n" + kScript + "\n</script>\n</body>\n</html>\n";
}

}  // namespace foyer::access_graph
