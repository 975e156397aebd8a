// Decoder side of vcf_frame.hpp: rebuilds each line in a reused buffer and
// writes it in one piece. Samples are stored per subfield (all samples of a
// row together), so a row's subfields are first decoded into an arena and
// then interleaved back into sample order.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "at1/cpp/lines.hpp"
#include "alt_column.hpp"
#include "base_packing.hpp"
#include "genotype_column.hpp"
#include "info_keys.hpp"
#include "split_varint.hpp"
#include "vcf_frame.hpp"
#include "vcf_number.hpp"

namespace at1::vcf {
namespace {

constexpr uint64_t kMaxSamples = 1u << 24;
constexpr uint64_t kMaxFormatKeys = 1u << 12;

// Per FORMAT string: as in vcf_encode.cc, plus the key names.
struct FormatEntry {
  std::vector<std::string_view> keys;
  std::vector<int> columns;  // -1 = GT
  std::vector<Predictor> predictors;
  std::vector<int> sources;
  std::vector<size_t> order;
};

class FrameDecoder {
 public:
  explicit FrameDecoder(sdk::DecodeContext& ctx)
      : ctx_(ctx),
        eol_(ctx.get("eol")),
        src_(ctx),
        verbatim_gap_(src_.column("vl")),
        verbatim_text_(src_.column("vt")),
        ncol_(src_.column("row.n")),
        chrom_id_(src_.column("chrom.i")),
        chrom_str_(src_.column("chrom.s")),
        pos_(src_, "pos"),
        id_kind_(src_.column("id.k")),
        id_num_(src_, "id.n"),
        id_text_(src_.column("id.t")),
        ref_(src_),
        alt_(src_),
        qual_(src_, "qual"),
        filter_id_(src_.column("flt.i")),
        filter_str_(src_.column("flt.s")),
        info_(src_),
        format_id_(src_.column("fmt.i")),
        format_str_(src_.column("fmt.s")),
        format_learned_(src_.column("fmt.p")),
        has_learned_(!format_learned_.at_end()),
        subfields_(src_.column("smp.m")),
        genotypes_(src_) {}

  void decode() {
    uint64_t lines = eol_.count();
    if (lines != ctx_.info().line_count) sdk::fail_corrupt("vcf: line count mismatch");
    bool have_verbatim = !verbatim_gap_.at_end();
    uint64_t next_verbatim = have_verbatim ? verbatim_gap_.varint() : 0;
    for (uint64_t i = 0; i < lines; ++i) {
      line_.clear();
      if (have_verbatim && i == next_verbatim) {
        line_.append(read_text(verbatim_text_));
        have_verbatim = !verbatim_gap_.at_end();
        if (have_verbatim) {
          uint64_t gap = verbatim_gap_.varint_max(lines, "vcf: bad verbatim gap");
          if (gap == 0) sdk::fail_corrupt("vcf: verbatim lines out of order");
          next_verbatim += gap;
        }
      } else {
        decode_row();
      }
      line_.append(sdk::eol_text(eol_.next()));
      ctx_.write(line_);
    }
  }

 private:
  void decode_row() {
    uint64_t extra = ncol_.varint_max(kMaxSamples + 1, "vcf: too many columns");
    std::string_view chrom = chrom_dict_.get(chrom_id_, chrom_str_);  // stable: in the dictionary
    line_.append(chrom);
    line_.push_back('\t');
    int64_t pos = static_cast<int64_t>(prev_pos_ + prev_ref_length_) + pos_.svarint();
    if (pos < 0 || static_cast<uint64_t>(pos) > (uint64_t(1) << 62)) sdk::fail_corrupt("vcf: bad POS");
    prev_pos_ = static_cast<uint64_t>(pos);
    append_uint(line_, prev_pos_);
    line_.push_back('\t');
    size_t id_start = line_.size();
    switch (id_kind_.u8()) {
      case 0: line_.push_back('.'); break;
      case 1:
        line_.append("rs");
        append_uint(line_, id_num_.varint());
        break;
      case 2: line_.append(read_text(id_text_)); break;
      default: sdk::fail_corrupt("vcf: bad ID kind");
    }
    row_id_.assign(line_, id_start, line_.size() - id_start);  // line_ grows below
    line_.push_back('\t');
    size_t ref_start = line_.size();
    prev_ref_length_ = ref_.read(line_);
    line_.push_back('\t');
    alt_.read(line_, AltRow{chrom, std::string_view(line_.data() + ref_start, prev_ref_length_), prev_pos_});
    line_.push_back('\t');
    qual_.read(line_);
    line_.push_back('\t');
    line_.append(filter_dict_.get(filter_id_, filter_str_));
    line_.push_back('\t');
    info_start_ = line_.size();
    info_.read(line_, row_id_);
    info_end_ = line_.size();
    if (extra > 0) decode_samples(static_cast<size_t>(extra - 1));
  }

  static void charge(uint64_t& left, uint64_t n, const char* what) {
    if (n > left) sdk::fail_corrupt(what);
    left -= n;
  }

  void decode_samples(size_t nsamples) {
    // Each sample prints at least a tab: a frame holds no more samples, in
    // all its rows, than it has bytes.
    charge(samples_left_, nsamples, "vcf: more samples than the frame holds");
    line_.push_back('\t');
    size_t nformats = formats_.size();
    uint64_t fid = format_id_.varint_max(nformats, "vcf: bad FORMAT id");
    std::string_view text = format_dict_.resolve(fid, format_str_);
    if (fid == nformats) add_format(text);
    line_.append(text);
    if (nsamples == 0) return;
    const FormatEntry& entry = formats_[fid];
    size_t nkeys = entry.keys.size();
    counts_.assign(nsamples, nkeys);
    if (subfields_.varint_max(1, "vcf: bad subfield flag") == 1)
      for (size_t s = 0; s < nsamples; ++s)
        counts_[s] = subfields_.varint_max(nkeys, "vcf: too many subfields");
    // Spans of the subfields present, sample after sample. Each one prints
    // at least a separator, so more than the frame's size is corrupt: the
    // memory stays bounded by the frame, whatever a header claims.
    offsets_.resize(nsamples);
    uint64_t total = 0;
    size_t widest = 0;
    for (size_t s = 0; s < nsamples; ++s) {
      offsets_[s] = static_cast<size_t>(total);
      total += counts_[s];
      widest = std::max(widest, counts_[s]);
    }
    charge(subfields_left_, total, "vcf: more sample subfields than the frame holds");
    // The loops below visit every sample for each key up to the widest
    // sample's: bounded per frame too, or a few samples with many keys
    // beside many with none would spin for hours on a small frame. Real
    // rows stay far below (work ~ subfields, i.e. bytes); a frame past it
    // fails the verify gate at compress time and is stored raw.
    charge(work_left_, static_cast<uint64_t>(nsamples) * widest, "vcf: sample matrix too sparse for the frame");
    spans_.resize(static_cast<size_t>(total));
    arena_.clear();
    row_context_.reset(std::string_view(line_.data() + info_start_, info_end_ - info_start_));
    for (size_t k : entry.order) {
      if (k >= widest) continue;  // no sample has this key
      int col = entry.columns[k];
      if (col < 0) {
        gathered_.clear();
        for (size_t s = 0; s < nsamples; ++s)
          if (counts_[s] > k) gathered_.push_back(s);
        if (gathered_.empty()) continue;
        gts_.resize(gathered_.size());
        genotypes_.read_row(gts_.data(), gts_.size());
        for (size_t g = 0; g < gathered_.size(); ++g) {
          spans_[offsets_[gathered_[g]] + k] = {arena_.size(), gts_[g].size()};
          arena_.append(gts_[g]);
        }
      } else {
        ValueDecoder& dec = *sample_columns_[static_cast<size_t>(col)];
        Predictor p = entry.predictors[k];
        if (p == Predictor::kInfoSumLast) {
          decode_info_sum(dec, entry.keys[k], k, nsamples);
          continue;
        }
        size_t src = static_cast<size_t>(entry.sources[k]);
        for (size_t s = 0; s < nsamples; ++s) {
          if (counts_[s] <= k) continue;
          size_t start = arena_.size();
          const Prediction* pred = nullptr;
          if (p != Predictor::kNone && counts_[s] > src) {
            const auto& sp = spans_[offsets_[s] + src];
            std::string_view source(arena_.data() + sp.first, sp.second);
            if (predict(p, source, row_context_, dec.last_scale(), &prediction_)) pred = &prediction_;
          }
          dec.read(arena_, pred);
          spans_[offsets_[s] + k] = {start, arena_.size() - start};
        }
      }
    }
    for (size_t s = 0; s < nsamples; ++s) {
      line_.push_back('\t');
      for (size_t k = 0; k < counts_[s]; ++k) {
        if (k) line_.push_back(':');
        const auto& sp = spans_[offsets_[s] + k];
        line_.append(arena_, sp.first, sp.second);
      }
    }
  }

  // Key k of every sample; the last one under INFO-SUM when all have it
  // (as encode_info_sum).
  void decode_info_sum(ValueDecoder& dec, std::string_view key, size_t k, size_t nsamples) {
    bool all = true;
    for (size_t s = 0; s < nsamples; ++s) all &= counts_[s] > k;
    size_t plain = all ? nsamples - 1 : nsamples;
    for (size_t s = 0; s < plain; ++s) {
      if (counts_[s] <= k) continue;
      size_t start = arena_.size();
      dec.read(arena_);
      spans_[offsets_[s] + k] = {start, arena_.size() - start};
    }
    if (!all) return;
    others_.clear();
    for (size_t s = 0; s < plain; ++s) {
      const auto& sp = spans_[offsets_[s] + k];
      others_.emplace_back(arena_.data() + sp.first, sp.second);
    }
    std::string_view total;
    const Prediction* pred = nullptr;
    if (row_context_.value(key, &total) &&
        predict_info_sum(total, others_.data(), others_.size(), &prediction_))
      pred = &prediction_;
    size_t start = arena_.size();
    dec.read(arena_, pred);  // others_ may dangle from here on
    spans_[offsets_[plain] + k] = {start, arena_.size() - start};
  }

  void add_format(std::string_view text) {
    FormatEntry e;
    size_t start = 0;
    for (;;) {
      size_t p = text.find(':', start);
      std::string_view key = text.substr(start, p == std::string_view::npos ? p : p - start);
      e.keys.push_back(key);
      if (e.keys.size() > kMaxFormatKeys) sdk::fail_corrupt("vcf: too many FORMAT keys");
      if (p == std::string_view::npos) break;
      start = p + 1;
    }
    for (std::string_view key : e.keys) {
      int source;
      e.columns.push_back(column_for(key));
      e.predictors.push_back(choose_predictor(key, e.keys, &source));
      e.sources.push_back(source);
    }
    if (has_learned_) apply_learned(e);
    for (int rank = 0; rank <= 3; ++rank)
      for (size_t k = 0; k < e.keys.size(); ++k)
        if (decode_rank(e.predictors[k]) == rank) e.order.push_back(k);
    formats_.push_back(std::move(e));
  }

  // Reads the learned predictor of every key (fmt.p, format version 3). A
  // MIN reads a key that is neither GT nor a MIN itself, and no name-based
  // predictor reads a MIN key: decoded last (decode_rank), a MIN finds its
  // source decoded.
  void apply_learned(FormatEntry& e) {
    size_t nkeys = e.keys.size();
    std::vector<bool> read_by_default(nkeys, false);
    for (int j : e.sources)
      if (j >= 0) read_by_default[static_cast<size_t>(j)] = true;
    codes_.resize(nkeys);
    for (size_t k = 0; k < nkeys; ++k)
      codes_[k] = format_learned_.varint_max(kLearnedMinBase + nkeys - 1, "vcf: bad learned predictor");
    for (size_t k = 0; k < nkeys; ++k) {
      if (codes_[k] == kLearnedDefault) continue;
      if (e.columns[k] < 0) sdk::fail_corrupt("vcf: learned predictor on GT");
      if (codes_[k] == kLearnedInfoSum) {
        e.predictors[k] = Predictor::kInfoSumLast;  // reads no other key
        e.sources[k] = -1;
        continue;
      }
      size_t j = static_cast<size_t>(codes_[k] - kLearnedMinBase);
      if (j == k || e.columns[j] < 0 || codes_[j] >= kLearnedMinBase || read_by_default[k])
        sdk::fail_corrupt("vcf: bad MIN source");
      e.predictors[k] = Predictor::kMinOf;
      e.sources[k] = static_cast<int>(j);
    }
  }

  int column_for(std::string_view key) {
    if (key == "GT") return -1;
    auto it = sample_column_ids_.find(key);
    if (it != sample_column_ids_.end()) return it->second;
    int id = static_cast<int>(sample_columns_.size());
    sample_columns_.push_back(std::make_unique<ValueDecoder>(src_, "F:" + std::string(key)));
    sample_column_ids_.emplace(key, id);
    return id;
  }

  sdk::DecodeContext& ctx_;
  sdk::EolDecoder eol_;
  ColumnSource src_;
  sdk::ByteReader verbatim_gap_, verbatim_text_, ncol_, chrom_id_, chrom_str_;
  SplitVarintReader pos_;
  sdk::ByteReader id_kind_;
  SplitVarintReader id_num_;
  sdk::ByteReader id_text_;
  BaseDecoder ref_;
  AltDecoder alt_;
  ValueDecoder qual_;
  sdk::ByteReader filter_id_, filter_str_;
  InfoDecoder info_;
  sdk::ByteReader format_id_, format_str_, format_learned_;
  bool has_learned_;  // format version 3
  sdk::ByteReader subfields_;
  GenotypeDecoder genotypes_;
  DictDecoder chrom_dict_, filter_dict_, format_dict_;
  std::vector<FormatEntry> formats_;
  std::vector<std::unique_ptr<ValueDecoder>> sample_columns_;
  std::unordered_map<std::string_view, int> sample_column_ids_;

  std::string line_, arena_, row_id_;
  std::vector<size_t> counts_, gathered_;
  std::vector<uint64_t> codes_;  // scratch of apply_learned
  std::vector<std::pair<size_t, size_t>> spans_;  // (start, length) in arena_
  std::vector<size_t> offsets_;                    // each sample's first span
  std::vector<std::string_view> gts_, others_;
  Prediction prediction_;
  RowContext row_context_;
  size_t info_start_ = 0, info_end_ = 0;
  uint64_t prev_pos_ = 0, prev_ref_length_ = 0;
  // What the frame's size allows in all its rows (see decode_samples).
  uint64_t samples_left_ = ctx_.info().raw_size;
  uint64_t subfields_left_ = ctx_.info().raw_size;
  uint64_t work_left_ = 32 * ctx_.info().raw_size + (uint64_t(1) << 20);
};

}  // namespace

void decode_frame(sdk::DecodeContext& ctx) {
  auto decoder = std::make_unique<FrameDecoder>(ctx);
  decoder->decode();
}

}  // namespace at1::vcf
