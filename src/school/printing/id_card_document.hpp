// ID cards at the CR80 size (85.60 × 53.98 mm): the school's band, the photo, the name in Khmer
// and Latin script, the card's particulars and a QR code of its verification address. One card on
// a card-sized page, or many N-up on A4 or Letter with crop marks for cutting.
#pragma once

#include "reports/pdf/image.hpp"
#include "school/printing/document_parts.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sala::printing {

struct IdCard {
    std::string kind_kh;  // "ប័ណ្ណសម្គាល់សិស្ស"
    std::string kind_en;  // "STUDENT ID CARD"
    std::string name_kh;
    std::string name_latin;
    std::vector<Field> lines;  // code, class, school year …
    std::optional<pdf::Image> photo;
    std::string verification_url;
};

// One card on a card-sized page (the job's paper and margins are not used).
[[nodiscard]] std::string render_id_card(const IdCard& card, const PrintJob& job);
// As many cards as fit on each page of the job's paper, centred, with crop marks at every corner.
[[nodiscard]] std::string render_id_card_sheets(const std::vector<IdCard>& cards, const PrintJob& job);

}  // namespace sala::printing
