#include "base/base64.h"

#include <array>
#include <cstdint>

namespace foyer {
namespace {

constexpr std::string_view kStandard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string Encode(std::string_view bytes, std::string_view alphabet, bool pad) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t n = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) | uint8_t(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += alphabet[(n >> shift) & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t n = uint8_t(bytes[i]) << 16;
    if (rest == 2) n |= uint8_t(bytes[i + 1]) << 8;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    if (rest == 2) out += alphabet[(n >> 6) & 63];
    if (pad) out.append(rest == 1 ? 2 : 1, '=');
  }
  return out;
}

Result<std::string> Decode(std::string_view text, std::string_view alphabet, bool padding_required) {
  std::array<int, 256> value;
  value.fill(-1);
  for (size_t i = 0; i < alphabet.size(); ++i) value[uint8_t(alphabet[i])] = int(i);

  size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  std::string_view body = text.substr(0, text.size() - padding);
  auto invalid = [] { return MakeError("ParseError", "the text is not valid base64"); };
  if (padding_required && text.size() % 4 != 0) return invalid();
  if (padding > 0 && text.size() % 4 != 0) return invalid();
  if (body.size() % 4 == 1) return invalid();

  std::string out;
  out.reserve(body.size() * 3 / 4);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : body) {
    int v = value[uint8_t(c)];
    if (v < 0) return invalid();
    buffer = (buffer << 6) | uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += char((buffer >> bits) & 0xFF);
    }
  }
  // Leftover bits must be zero, or two encodings would decode the same.
  if ((buffer & ((1u << bits) - 1)) != 0) return invalid();
  return out;
}

}  // namespace

std::string Base64Encode(std::string_view bytes) { return Encode(bytes, kStandard, true); }
Result<std::string> Base64Decode(std::string_view text) { return Decode(text, kStandard, true); }
std::string Base64UrlEncode(std::string_view bytes) { return Encode(bytes, kUrl, false); }
Result<std::string> Base64UrlDecode(std::string_view text) { return Decode(text, kUrl, false); }

}  // namespace foyer
