// Encoder side of vcf_frame.hpp: parses each line completely before writing
// anything for it, so a line that fails late still goes verbatim cleanly.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "at1/cpp/lines.hpp"
#include "alt_column.hpp"
#include "base_packing.hpp"
#include "format_learner.hpp"
#include "genotype_column.hpp"
#include "info_keys.hpp"
#include "split_varint.hpp"
#include "vcf_frame.hpp"
#include "vcf_number.hpp"

namespace at1::vcf {
namespace {

constexpr uint64_t kMaxPos = uint64_t(1) << 62;
constexpr uint64_t kLearnRows = 4096;

void split(std::string_view s, char sep, std::vector<std::string_view>& out) {
  out.clear();
  size_t start = 0;
  for (;;) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

// Per FORMAT string: per key its column (-1 = GT), predictor and source key,
// and the order in which the keys are coded (sources before predictions).
struct FormatEntry {
  std::vector<std::string_view> keys;  // into the frame
  std::vector<int> columns;
  std::vector<Predictor> predictors;
  std::vector<int> sources;
  std::vector<size_t> order;
};

class FrameEncoder {
 public:
  FrameEncoder()
      : sink_(kOwnStreamBytes),
        verbatim_gap_(&sink_.column("vl")),
        verbatim_text_(&sink_.column("vt")),
        ncol_(&sink_.column("row.n")),
        chrom_id_(&sink_.column("chrom.i")),
        chrom_str_(&sink_.column("chrom.s")),
        pos_(sink_, "pos"),
        id_kind_(&sink_.column("id.k")),
        id_num_(sink_, "id.n"),
        id_text_(&sink_.column("id.t")),
        ref_(sink_),
        alt_(sink_),
        qual_(sink_, "qual"),
        filter_id_(&sink_.column("flt.i")),
        filter_str_(&sink_.column("flt.s")),
        info_(sink_),
        format_id_(&sink_.column("fmt.i")),
        format_str_(&sink_.column("fmt.s")),
        subfields_(&sink_.column("smp.m")),
        genotypes_(sink_) {}

  void encode(sdk::EncodeContext& ctx, sdk::Bytes input) {
    learn(input);
    sdk::LineCursor cursor(input);
    sdk::EolEncoder eol;
    std::string_view line;
    sdk::Eol kind;
    uint64_t index = 0, last_verbatim = 0;
    while (cursor.next(&line, &kind)) {
      if (!encode_row(line)) {
        verbatim_gap_->varint(index - last_verbatim);
        verbatim_text_->bytes(line);
        verbatim_text_->u8('\n');
        last_verbatim = index;
      }
      eol.add(kind);
      ++index;
    }
    sdk::ByteWriter eol_stream;
    eol.finish(eol_stream);
    ctx.put("eol", eol_stream);
    ref_.finish();
    qual_.finish();
    alt_.finish(sink_);
    info_.finish();
    for (auto& c : sample_columns_) c->finish();
    if (!format_learned_.empty()) sink_.column("fmt.p").bytes(format_learned_.data(), format_learned_.size());
    sink_.finish(ctx);
    if (rows_ > 0) {
      ctx.stat_bytes("chrom", chrom_min_, chrom_max_);
      ctx.stat_i64("pos", pos_min_, pos_max_);
    }
  }

 private:
  // Feeds the first rows to the learners of FORMAT predictors and INFO modes.
  void learn(sdk::Bytes input) {
    sdk::LineCursor cursor(input);
    std::string_view line;
    sdk::Eol kind;
    uint64_t pos;
    // At most the first kLearnRows lines: rows without INFO values or
    // samples never fill the learners, and the rest of the frame is parsed
    // once only.
    for (uint64_t n = 0; n < kLearnRows && (!learner_.full() || info_.learning()); ++n) {
      if (!cursor.next(&line, &kind)) break;
      if (!parse_row(line, &pos)) continue;
      info_.learn(fields_[7], fields_[2]);
      if (fields_.size() > 9)
        learner_.add_row(fields_[8], format_keys_, subvalues_, subcounts_, fields_.size() - 9, fields_[7]);
    }
  }

  // Splits a data row into fields_, format_keys_, subvalues_, subcounts_;
  // false when the line goes verbatim.
  bool parse_row(std::string_view line, uint64_t* pos_out) {
    if (!line.empty() && line[0] == '#') return false;
    split(line, '\t', fields_);
    if (fields_.size() < 8) return false;
    uint64_t pos;
    if (!parse_canonical_uint(fields_[1], &pos) || pos > kMaxPos) return false;
    size_t nsamples = fields_.size() > 9 ? fields_.size() - 9 : 0;
    size_t nkeys = 0;
    if (fields_.size() > 8) {
      split(fields_[8], ':', format_keys_);
      nkeys = format_keys_.size();
      subvalues_.resize(nsamples * nkeys);
      subcounts_.resize(nsamples);
      for (size_t s = 0; s < nsamples; ++s) {
        split(fields_[9 + s], ':', parts_);
        if (parts_.size() > nkeys) return false;
        std::copy(parts_.begin(), parts_.end(), subvalues_.begin() + s * nkeys);
        subcounts_[s] = parts_.size();
      }
    }
    *pos_out = pos;
    return true;
  }

  bool encode_row(std::string_view line) {
    uint64_t pos;
    if (!parse_row(line, &pos)) return false;
    size_t nsamples = fields_.size() > 9 ? fields_.size() - 9 : 0;
    size_t nkeys = fields_.size() > 8 ? format_keys_.size() : 0;
    // From here on the row is a data row.
    ncol_->varint(fields_.size() - 8);
    std::string_view chrom = fields_[0];
    chrom_dict_.put(chrom, *chrom_id_, *chrom_str_);
    // Blocks of reference calls tile the genome: predict POS as the end of
    // the previous row's REF.
    pos_.svarint(static_cast<int64_t>(pos) - static_cast<int64_t>(prev_pos_ + prev_ref_length_));
    prev_pos_ = pos;
    prev_ref_length_ = fields_[3].size();
    update_stats(chrom, pos);
    encode_id(fields_[2]);
    ref_.add(fields_[3]);
    alt_.add(fields_[4], AltRow{chrom, fields_[3], pos});
    qual_.add(fields_[5]);
    filter_dict_.put(fields_[6], *filter_id_, *filter_str_);
    info_.add(fields_[7], fields_[2]);
    if (fields_.size() > 8) encode_samples(nsamples, nkeys);
    ++rows_;
    return true;
  }

  void encode_id(std::string_view id) {
    uint64_t rs;
    if (id == ".") {
      id_kind_->u8(0);
    } else if (id.size() > 2 && id[0] == 'r' && id[1] == 's' &&
               parse_canonical_uint(id.substr(2), &rs)) {
      id_kind_->u8(1);
      id_num_.varint(rs);
    } else {
      id_kind_->u8(2);
      id_text_->bytes(id);
      id_text_->u8('\n');
    }
  }

  void encode_samples(size_t nsamples, size_t nkeys) {
    bool fresh = false;
    uint32_t fid = format_dict_.intern(fields_[8], *format_str_, &fresh);
    format_id_->varint(fid);
    if (fresh) {
      formats_.push_back(make_format_entry());
    }
    if (nsamples == 0) return;
    bool full = true;
    for (size_t s = 0; s < nsamples; ++s) full &= subcounts_[s] == nkeys;
    subfields_->varint(full ? 0 : 1);
    if (!full)
      for (size_t s = 0; s < nsamples; ++s) subfields_->varint(subcounts_[s]);
    const FormatEntry& entry = formats_[fid];
    row_context_.reset(fields_[7]);
    for (size_t k : entry.order) {
      int col = entry.columns[k];
      if (col < 0) {
        gathered_.clear();
        for (size_t s = 0; s < nsamples; ++s)
          if (subcounts_[s] > k) gathered_.push_back(subvalues_[s * nkeys + k]);
        if (!gathered_.empty()) genotypes_.add_row(gathered_.data(), gathered_.size());
        continue;
      }
      ValueEncoder& enc = *sample_columns_[static_cast<size_t>(col)];
      Predictor p = entry.predictors[k];
      size_t src = static_cast<size_t>(entry.sources[k]);
      if (p == Predictor::kInfoSumLast) {
        encode_info_sum(enc, entry.keys[k], k, nsamples, nkeys);
        continue;
      }
      for (size_t s = 0; s < nsamples; ++s) {
        if (subcounts_[s] <= k) continue;
        std::string_view v = subvalues_[s * nkeys + k];
        if (p != Predictor::kNone && subcounts_[s] > src &&
            predict(p, subvalues_[s * nkeys + src], row_context_, enc.last_scale(), &prediction_)) {
          enc.add(v, &prediction_);
        } else {
          enc.add(v);
        }
      }
    }
  }

  // Key k of every sample; the last one under INFO-SUM when all have it.
  void encode_info_sum(ValueEncoder& enc, std::string_view key, size_t k, size_t nsamples, size_t nkeys) {
    bool all = true;
    for (size_t s = 0; s < nsamples; ++s) all &= subcounts_[s] > k;
    size_t plain = all ? nsamples - 1 : nsamples;
    others_.clear();
    for (size_t s = 0; s < plain; ++s) {
      if (subcounts_[s] <= k) continue;
      enc.add(subvalues_[s * nkeys + k]);
      others_.push_back(subvalues_[s * nkeys + k]);
    }
    if (!all) return;
    std::string_view v = subvalues_[plain * nkeys + k], total;
    if (row_context_.value(key, &total) &&
        predict_info_sum(total, others_.data(), others_.size(), &prediction_))
      enc.add(v, &prediction_);
    else
      enc.add(v);
  }

  FormatEntry make_format_entry() {
    FormatEntry e;
    e.keys = format_keys_;
    for (std::string_view key : format_keys_) {
      int source;
      e.columns.push_back(column_for(key));
      e.predictors.push_back(choose_predictor(key, format_keys_, &source));
      e.sources.push_back(source);
    }
    std::vector<uint64_t> learned = learner_.choose(fields_[8], e.predictors, e.sources);
    for (size_t k = 0; k < learned.size(); ++k) {
      format_learned_.varint(learned[k]);
      if (learned[k] == kLearnedInfoSum) {
        e.predictors[k] = Predictor::kInfoSumLast;
        e.sources[k] = -1;
      } else if (learned[k] >= kLearnedMinBase) {
        e.predictors[k] = Predictor::kMinOf;
        e.sources[k] = static_cast<int>(learned[k] - kLearnedMinBase);
      }
    }
    for (int rank = 0; rank <= 3; ++rank)
      for (size_t k = 0; k < format_keys_.size(); ++k)
        if (decode_rank(e.predictors[k]) == rank) e.order.push_back(k);
    return e;
  }

  int column_for(std::string_view key) {
    if (key == "GT") return -1;
    auto it = sample_column_ids_.find(std::string(key));
    if (it != sample_column_ids_.end()) return it->second;
    int id = static_cast<int>(sample_columns_.size());
    sample_columns_.push_back(std::make_unique<ValueEncoder>(sink_, "F:" + std::string(key)));
    sample_column_ids_.emplace(std::string(key), id);
    return id;
  }

  void update_stats(std::string_view chrom, uint64_t pos) {
    auto p = static_cast<int64_t>(pos);
    if (rows_ == 0) {
      chrom_min_ = chrom_max_ = std::string(chrom);
      pos_min_ = pos_max_ = p;
      return;
    }
    if (chrom < chrom_min_) chrom_min_ = std::string(chrom);
    if (chrom > chrom_max_) chrom_max_ = std::string(chrom);
    pos_min_ = std::min(pos_min_, p);
    pos_max_ = std::max(pos_max_, p);
  }

  ColumnSink sink_;
  sdk::ByteWriter *verbatim_gap_, *verbatim_text_, *ncol_, *chrom_id_, *chrom_str_;
  SplitVarintWriter pos_;
  sdk::ByteWriter* id_kind_;
  SplitVarintWriter id_num_;
  sdk::ByteWriter* id_text_;
  BaseEncoder ref_;
  AltEncoder alt_;
  ValueEncoder qual_;
  sdk::ByteWriter *filter_id_, *filter_str_;
  InfoEncoder info_;
  sdk::ByteWriter *format_id_, *format_str_, *subfields_;
  // fmt.p, placed last among the columns: in the middle of the pack its
  // bytes would shift the LZMA position contexts of all that follows.
  sdk::ByteWriter format_learned_;
  GenotypeEncoder genotypes_;
  DictEncoder chrom_dict_, filter_dict_, format_dict_;
  std::vector<FormatEntry> formats_;
  FormatLearner learner_;
  std::vector<std::unique_ptr<ValueEncoder>> sample_columns_;
  std::unordered_map<std::string, int> sample_column_ids_;

  std::vector<std::string_view> fields_, format_keys_, parts_, subvalues_, gathered_, others_;
  std::vector<size_t> subcounts_;
  Prediction prediction_;
  RowContext row_context_;
  uint64_t prev_pos_ = 0, prev_ref_length_ = 0;
  uint64_t rows_ = 0;
  std::string chrom_min_, chrom_max_;
  int64_t pos_min_ = 0, pos_max_ = 0;
};

}  // namespace

void encode_frame(sdk::EncodeContext& ctx, sdk::Bytes input) {
  auto encoder = std::make_unique<FrameEncoder>();
  encoder->encode(ctx, input);
}

}  // namespace at1::vcf
