#include "ml/qbwc_sim/text.hpp"

#include <chrono>
#include <cstdio>

namespace ml::qbwc_sim {
namespace {

using namespace std::chrono;

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Length of the UTF-8 sequence starting with `lead`, 0 when `lead` cannot start one.
int sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 0;
}

bool digits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
  if (pos + count > text.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

std::optional<sys_days> parse_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, y) ||
      !digits(text, 5, 2, m) || !digits(text, 8, 2, d))
    return std::nullopt;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::string offset_text(int minutes) {
  char buf[16];
  const int a = (minutes < 0 ? -minutes : minutes) % (24 * 60);
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

}  // namespace

std::string to_latin1_repertoire(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const int len = sequence_length(lead);
    bool well_formed = len > 0 && i + static_cast<std::size_t>(len) <= utf8.size();
    char32_t cp = len == 1 ? lead : len == 2 ? (lead & 0x1F) : len == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (int k = 1; well_formed && k < len; ++k) {
      const auto c = static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]);
      if ((c & 0xC0) != 0x80) well_formed = false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (!well_formed) {
      out += '?';
      ++i;
      continue;
    }
    if (cp <= 0xFF) append_utf8(out, cp);
    else out += '?';
    i += static_cast<std::size_t>(len);
  }
  return out;
}

std::string format_qb_datetime(core::TimePoint t, int utc_offset_minutes) {
  const auto local = floor<seconds>(t) + minutes(utc_offset_minutes);
  const auto day = floor<days>(local);
  const year_month_day ymd{day};
  const hh_mm_ss hms{local - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%s", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()), offset_text(utc_offset_minutes).c_str());
  return buf;
}

std::string format_qb_date(core::TimePoint t, int utc_offset_minutes) {
  return format_qb_datetime(t, utc_offset_minutes).substr(0, 10);
}

std::optional<core::TimePoint> parse_qb_datetime(std::string_view text, int utc_offset_minutes,
                                                 bool end_of_day) {
  const auto date = parse_date(text);
  if (!date) return std::nullopt;
  sys_seconds local = *date;
  std::size_t pos = 10;
  if (text.size() == 10) {
    if (end_of_day) local += hours(23) + minutes(59) + seconds(59);
  } else {
    int h = 0, mi = 0, s = 0;
    if (text[10] != 'T' || !digits(text, 11, 2, h) || text.size() < 19 || text[13] != ':' ||
        !digits(text, 14, 2, mi) || text[16] != ':' || !digits(text, 17, 2, s) || h > 23 || mi > 59 ||
        s > 59)
      return std::nullopt;
    local += hours(h) + minutes(mi) + seconds(s);
    pos = 19;
  }
  int offset = utc_offset_minutes;
  if (pos < text.size()) {
    int oh = 0, om = 0;
    if (text.size() != pos + 6 || (text[pos] != '+' && text[pos] != '-') || text[pos + 3] != ':' ||
        !digits(text, pos + 1, 2, oh) || !digits(text, pos + 4, 2, om))
      return std::nullopt;
    offset = (text[pos] == '-' ? -1 : 1) * (oh * 60 + om);
  }
  return core::TimePoint(local - minutes(offset));
}

bool is_qb_date(std::string_view text) { return text.size() == 10 && parse_date(text).has_value(); }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace ml::qbwc_sim
