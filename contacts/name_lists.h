// The given and family names of seed data, which `mac mask` also draws its
// pseudonyms from (so masked names look like names, in several languages).
#pragma once

#include <array>
#include <string_view>

namespace mac::contacts {

inline constexpr std::array<std::string_view, 24> kFirstNames{
    "Ana",   "Liam",  "Sofia", "Noah",   "Mia",   "Lucas", "Amara",  "Kenji",
    "Chloe", "Mateo", "Zara",  "Ethan",  "Priya", "Omar",  "Ingrid", "Diego",
    "Lena",  "Yusuf", "Hana",  "Marcus", "Elif",  "Tomas", "Nadia",  "Felix"};
inline constexpr std::array<std::string_view, 24> kLastNames{
    "Garcia", "Smith",  "Müller", "Nguyen",  "Rossi", "Kowalski", "Okafor", "Tanaka",
    "Dubois", "Silva",  "Haddad", "Johnson", "Patel", "O'Brien",  "Larsen", "Fernández",
    "Kim",    "Yilmaz", "Sato",   "Brown",   "Novak", "Ahmed",    "Cohen",  "Schmidt"};
} // namespace mac::contacts
