// A small writer of HCL (the Terraform language) for the files `foyer
// terraform generate` owns. It writes only what those files need: blocks
// with labels, attributes whose values are strings, lists of strings or
// maps of strings, and nested blocks, laid out the way `terraform fmt`
// lays them out (two-space indentation, the `=` of consecutive attributes
// aligned), so that running `terraform fmt` on a generated file changes
// nothing.
#ifndef FOYER_TERRAFORM_HCL_H_
#define FOYER_TERRAFORM_HCL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace foyer::terraform {

// `text` as an HCL quoted string: quotes, backslashes and control
// characters escaped, and `${` / `%{` doubled so that no value is ever read
// as an interpolation or a template directive.
std::string QuoteHcl(std::string_view text);

class HclBlock {
 public:
  // `type` "provider", labels {"aws"}: `provider "aws" { ... }`.
  explicit HclBlock(std::string type, std::vector<std::string> labels = {});

  // name = "value"
  HclBlock& String(std::string name, std::string_view value);
  // name = true / false
  HclBlock& Bool(std::string name, bool value);
  // name = ["a", "b"]
  HclBlock& StringList(std::string name, const std::vector<std::string>& values);
  // name = {
  //   "key" = "value"
  // }
  // Keys are quoted, since tag keys hold ':' and other characters an HCL
  // identifier may not.
  HclBlock& StringMap(std::string name, const std::map<std::string, std::string>& values);
  // name = {
  //   key = "value"
  // }
  // REQUIRES: every key is an HCL identifier.
  HclBlock& Object(std::string name, const std::map<std::string, std::string>& values);
  // name = <expression>, written as given: for references such as
  // `aws.us_west_2` that are not strings.
  HclBlock& Expression(std::string name, std::string expression);
  HclBlock& Block(HclBlock block);

  // The block and its contents, indented by `depth` levels, ending with a
  // newline.
  std::string Render(int depth = 0) const;

 private:
  struct Item {
    std::string name;        // the attribute's name; empty for a nested block
    std::string value;       // the rendered expression, possibly several lines
    std::vector<HclBlock> block;  // exactly one element for a nested block
  };

  std::string type_;
  std::vector<std::string> labels_;
  std::vector<Item> items_;
};

}  // namespace foyer::terraform

#endif  // FOYER_TERRAFORM_HCL_H_
