#include "value_column.hpp"

#include <algorithm>
#include <cstring>

#include "vcf_number.hpp"

namespace at1::vcf {

namespace {
constexpr uint64_t kMaxShapeElements = 1u << 20;
// Dictionary mode only pays when values repeat a lot.
constexpr size_t kDictMinValues = 256;
constexpr size_t kDictMaxShare = 8;  // distinct values * 8 <= values
constexpr size_t kOneByteIds = 128;

int64_t minus(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}
int64_t plus(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
}  // namespace

std::string_view read_text(sdk::ByteReader& r) {
  const uint8_t* p = r.position();
  if (r.remaining() == 0) sdk::fail_corrupt("vcf: unterminated text");
  const void* nl = std::memchr(p, '\n', r.remaining());
  if (!nl) sdk::fail_corrupt("vcf: unterminated text");
  size_t n = static_cast<size_t>(static_cast<const uint8_t*>(nl) - p);
  std::string_view s = r.bytes(n).view();
  r.u8();
  return s;
}

int leading_scale(std::string_view value) {
  size_t comma = 0;
  while (comma < value.size() && value[comma] != ',') ++comma;
  int64_t m;
  uint8_t fmt = classify_element(value.substr(0, comma), &m);
  return fmt >= kFmtNumber ? (fmt - kFmtNumber) % (kMaxScale + 1) : -1;
}

// --- element form -------------------------------------------------------------

ElementWriter::ElementWriter(ColumnSink& sink, const std::string& base)
    : sink_(sink),
      base_(base),
      shapes_(&sink.column(base + ".s")),
      numbers_(&sink.column(base + ".n")),
      texts_(&sink.column(base + ".t")) {}

void ElementWriter::clear() {
  shapes_->clear();
  numbers_->clear();
  numeric_values_ = numbers_count_ = 0;
  texts_->clear();
}

void ElementWriter::add(std::string_view value, const Prediction* prediction) {
  shape_.clear();
  size_t start = 0, index = 0;
  uint64_t numbers_before = numbers_count_;
  for (;;) {
    size_t comma = value.find(',', start);
    std::string_view e = value.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                             : comma - start);
    int64_t m = 0;
    uint8_t fmt = classify_element(e, &m);
    shape_.push_back(static_cast<char>(fmt));
    if (fmt == kFmtText) {
      texts_->bytes(e);
      texts_->u8('\n');
    } else if (fmt >= kFmtNumber && fmt < kFmtNegZero) {
      if (prediction && index < prediction->numbers.size()) m = minus(m, prediction->numbers[index]);
      numbers_->svarint(m);
      ++numbers_count_;
    }
    ++index;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  numeric_values_ += numbers_count_ != numbers_before;
  auto [it, fresh] = shape_ids_.emplace(shape_, static_cast<uint32_t>(shape_ids_.size()));
  shapes_->varint(it->second);
  if (fresh) {
    shapes_->varint(shape_.size());
    shapes_->bytes(shape_);
  }
}

void ElementWriter::finish() {
  // Tuples of three and more (PL, GL entries) keep plain varints: xz matches
  // them whole, and split they cost it more than zstd gains.
  if (numbers_count_ > numeric_values_ * 2) return;
  SplitVarintWriter split(sink_, base_ + ".ns");
  split.append_plain(*numbers_);
  numbers_->clear();
}

ElementReader::ElementReader(const ColumnSource& source, const std::string& base)
    : shapes_(source.column(base + ".s")),
      numbers_(source, base + ".ns", base + ".n"),
      texts_(source.column(base + ".t")) {
  shape_start_.push_back(0);
}

void ElementReader::read(std::string& out, const Prediction* prediction) {
  uint64_t id = shapes_.varint_max(shape_start_.size() - 1, "vcf: bad shape id");
  if (id == shape_start_.size() - 1) {
    uint64_t n = shapes_.varint_max(kMaxShapeElements, "vcf: shape too long");
    if (n == 0) sdk::fail_corrupt("vcf: empty shape");
    sdk::Bytes codes = shapes_.bytes(static_cast<size_t>(n));
    for (size_t i = 0; i < codes.size; ++i)
      if (codes.data[i] >= kFmtCount) sdk::fail_corrupt("vcf: bad element format");
    shape_codes_.insert(shape_codes_.end(), codes.data, codes.data + codes.size);
    shape_start_.push_back(static_cast<uint32_t>(shape_codes_.size()));
  }
  const uint8_t* code = shape_codes_.data() + shape_start_[id];
  const uint8_t* end = shape_codes_.data() + shape_start_[id + 1];
  for (const uint8_t* c = code; c != end; ++c) {
    if (c != code) out.push_back(',');
    uint8_t fmt = *c;
    if (fmt == kFmtMissing) {
      out.push_back('.');
    } else if (fmt == kFmtText) {
      out.append(read_text(texts_));
    } else if (fmt < kFmtNegZero) {
      int64_t m = numbers_.svarint();
      size_t index = static_cast<size_t>(c - code);
      if (prediction && index < prediction->numbers.size()) m = plus(m, prediction->numbers[index]);
      append_number(out, fmt, m);
    } else {
      append_number(out, fmt, 0);
    }
  }
}

// --- value column ---------------------------------------------------------------

ValueEncoder::ValueEncoder(ColumnSink& sink, const std::string& base)
    : sink_(sink), base_(base), flags_(&sink.column(base + ".h")), elements_(sink, base) {}

void ValueEncoder::add(std::string_view value, const Prediction* prediction) {
  if (prediction) {
    bool hit = value == prediction->text;
    flags_->u8(hit ? 0 : 1);
    if (hit) return;
  }
  int scale = leading_scale(value);
  if (scale >= 0) last_scale_ = scale;
  elements_.add(value, prediction);
  if (!dict_viable_) return;
  auto [it, fresh] = dict_ids_.emplace(value, static_cast<uint32_t>(dict_values_.size()));
  if (fresh) {
    dict_values_.push_back(value);
    dict_counts_.push_back(0);
    // Give up early on columns of mostly distinct values (saves memory).
    if (dict_values_.size() > 4096 && dict_values_.size() * kDictMaxShare > dict_sequence_.size())
      dict_viable_ = false;
  }
  ++dict_counts_[it->second];
  dict_sequence_.push_back(it->second);
}

void ValueEncoder::finish() {
  size_t n = dict_sequence_.size();
  if (!dict_viable_ || n < kDictMinValues || dict_values_.size() * kDictMaxShare > n) {
    elements_.finish();
    return;
  }
  // Renumber entries by falling frequency (ties: first use first).
  std::vector<uint32_t> by_rank(dict_values_.size());
  for (uint32_t i = 0; i < by_rank.size(); ++i) by_rank[i] = i;
  std::stable_sort(by_rank.begin(), by_rank.end(),
                   [&](uint32_t a, uint32_t b) { return dict_counts_[a] > dict_counts_[b]; });
  // The rarer entries (two-byte ids anyway) go in text order: neighbouring
  // entries then share prefixes and the entry streams compress far better.
  if (by_rank.size() > kOneByteIds)
    std::sort(by_rank.begin() + kOneByteIds, by_rank.end(),
              [&](uint32_t a, uint32_t b) { return dict_values_[a] < dict_values_[b]; });
  std::vector<uint32_t> rank_of(by_rank.size());
  for (uint32_t r = 0; r < by_rank.size(); ++r) rank_of[by_rank[r]] = r;
  elements_.clear();
  SplitVarintWriter ids(sink_, base_ + ".d");
  ids.varint(by_rank.size());
  for (uint32_t id : dict_sequence_) ids.varint(rank_of[id]);
  ElementWriter entries(sink_, base_ + ".e");
  for (uint32_t id : by_rank) entries.add(dict_values_[id], nullptr);
  entries.finish();
}

ValueDecoder::ValueDecoder(const ColumnSource& source, const std::string& base)
    : flags_(source.column(base + ".h")), elements_(source, base) {
  if (source.column(base + ".d").size == 0) return;
  dict_mode_ = true;
  dict_ids_ = SplitVarintReader(source, base + ".d");
  uint64_t count = dict_ids_.varint_max(dict_ids_.remaining(), "vcf: dictionary larger than its ids");
  ElementReader entries(source, base + ".e");
  dict_start_.push_back(0);
  for (uint64_t i = 0; i < count; ++i) {
    entries.read(dict_arena_, nullptr);  // each entry consumes stream bytes
    dict_start_.push_back(dict_arena_.size());
  }
}

void ValueDecoder::read(std::string& out, const Prediction* prediction) {
  if (prediction) {
    uint8_t flag = flags_.u8();
    if (flag > 1) sdk::fail_corrupt("vcf: bad prediction flag");
    if (flag == 0) {
      out.append(prediction->text);
      return;
    }
  }
  size_t start = out.size();
  if (dict_mode_) {
    if (dict_start_.size() < 2) sdk::fail_corrupt("vcf: empty dictionary");
    uint64_t id = dict_ids_.varint_max(dict_start_.size() - 2, "vcf: bad dictionary id");
    out.append(dict_arena_, dict_start_[id], dict_start_[id + 1] - dict_start_[id]);
  } else {
    elements_.read(out, prediction);
  }
  int scale = leading_scale(std::string_view(out).substr(start));
  if (scale >= 0) last_scale_ = scale;
}

}  // namespace at1::vcf
