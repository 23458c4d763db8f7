/**
 * api.dnspod.com resolution lines, verbatim from the vendor's `Record.Line` answer for the free grade
 * (https://docs.dnspod.com/api-legacy/ → "Get All the Lines Allowed for a Domain Grade"). The
 * emulator keeps its own copy on purpose: a test compares it with the provider's table, so a wrong
 * line in either one fails instead of agreeing with itself.
 *
 * Writes take a sub-area *key* (`default`, `US`, `search_engine`); reads show its *name*.
 */

export interface IntlLineArea {
  /** Name of the area (a grouping only; areas are not valid `record_line` values). */
  name: string;
  /** Sub-area key → name. The keys are the valid `record_line` values. */
  sub_area: Record<string, string>;
}

export const INTL_LINES: Readonly<Record<string, IntlLineArea>> = {
  default: {
    name: "Default",
    sub_area: {
      default: "Default",
    },
  },
  africa: {
    name: "Africa",
    sub_area: {
      DZ: "Algeria", AO: "Angola", BJ: "Benin", BW: "Botswana", BF: "Burkina Faso", BI: "Burundi",
      CM: "Cameroon", CV: "Cape Verde", CF: "Central Africa", TD: "Chad", KM: "Comoros",
      CG: "Congo - Brazzaville", CD: "Congo, The Democratic Republic Of The", CI: "Cote D'Ivoire",
      DJ: "Djibouti", EG: "Egypt", GQ: "Equatorial Guinea", ER: "Eritrea", ET: "Ethiopia",
      GA: "Gabon", GM: "Gambia", GH: "Ghana", GN: "Guinea", GW: "Guinea-Bissau", KE: "Kenya",
      LS: "Lesotho", LR: "Liberia", LY: "Libya", MG: "Madagascar", MW: "Malawi", ML: "Mali",
      MR: "Mauritania", MU: "Mauritius", YT: "Mayotte", MA: "Morocco", MZ: "Mozambique",
      NA: "Namibia", NE: "Niger", NG: "Nigeria", RE: "Reunion", RW: "Rwanda", SH: "Saint Helena",
      ST: "Sao Tome And Principe", SN: "Senegal", SC: "Seychelles", SL: "Sierra Leone",
      SO: "Somalia", ZA: "South Africa", SD: "Sudan", SZ: "Swaziland", TZ: "Tanzania", TG: "Togo",
      TN: "Tunisia", UG: "Uganda", EH: "Western Sahara", ZM: "Zambia", ZW: "Zimbabwe",
    },
  },
  antartica: {
    name: "Antartica",
    sub_area: {
      AQ: "Antarctica", BV: "Bouvet Island", TF: "French Southern Territories",
      HM: "Heard And Mc Donald Islands", GS: "South Georgia And The South Sandwich Islands",
    },
  },
  asia: {
    name: "Asia",
    sub_area: {
      AF: "Afghanistan", AM: "Armenia", AZ: "Azerbaijan", BH: "Bahrain", BD: "Bangladesh",
      BT: "Bhutan", IO: "British Indian Ocean Territory", BN: "Brunei Darussalam", KH: "Cambodia",
      CN: "China", CX: "Christmas Island", CC: "Cocos (Keeling) Islands", CY: "Cyprus",
      GE: "Georgia", HK: "Hong Kong", IN: "India", ID: "Indonesia", IR: "Iran, Islamic Republic Of",
      IQ: "Iraq", IL: "Israel", JP: "Japan", JO: "Jordan", KZ: "Kazakhstan", KP: "North Korea",
      KR: "Korea", KW: "Kuwait", KG: "Kyrgyzstan", LA: "Lao", LB: "Lebanon", MO: "Macao",
      MY: "Malaysia", MV: "Maldives", MN: "Mongolia", MM: "Myanmar", NP: "Nepal", OM: "Oman",
      PK: "Pakistan", PS: "Palestinian Territory", PH: "Philippines", QA: "Qatar",
      SA: "Saudi Arabia", SG: "Singapore", LK: "Sri Lanka", SY: "Syria", TW: "Taiwan",
      TJ: "Tajikistan", TH: "Thailand", TL: "Timor-Leste", TR: "Turkey", TM: "Turkmenistan",
      AE: "United Arab Emirates", UZ: "Uzbekistan", VN: "Viet Nam", YE: "Yemen",
    },
  },
  europe: {
    name: "Europe",
    sub_area: {
      AX: "Aland Islands", AL: "Albania", AD: "Andorra", AT: "Austria", BY: "Belarus",
      BE: "Belgium", BA: "Bosnia And Herzegovina", BG: "Bulgaria", HR: "Croatia", CZ: "Czech",
      DK: "Denmark", EE: "Estonia", EU: "European Union", FO: "Faroe Islands", FI: "Finland",
      FR: "France", DE: "Germany", GI: "Gibraltar", GR: "Greece", GG: "Guernsey", VA: "Holy See",
      HU: "Hungary", IS: "Iceland", IE: "Ireland", IM: "Isle Of Man", IT: "Italy", JE: "Jersey",
      CS: "Kosovo", LV: "Latvia", LI: "Liechtenstein", LT: "Lithuania", LU: "Luxembourg",
      MK: "Macedonia", MT: "Malta", MD: "Moldova", MC: "Monaco", ME: "Montenegro",
      NL: "Netherlands", NO: "Norway", PL: "Poland", PT: "Portugal", RO: "Romania", RU: "Russia",
      SM: "San Marino", RS: "Serbia", SK: "Slovakia", SI: "Slovenia", ES: "Spain",
      SJ: "Svalbard & Jan Mayen Islands", SE: "Sweden", CH: "Switzerland", UA: "Ukraine",
      GB: "United Kingdom",
    },
  },
  north_america: {
    name: "North America",
    sub_area: {
      AI: "Anguilla", AG: "Antigua And Barbuda", AW: "Aruba", BS: "Bahamas", BB: "Barbados",
      BZ: "Belize", BM: "Bermuda", BQ: "Bonaire, Saint Eustatius And Saba", CA: "Canada",
      KY: "Cayman Islands", CR: "Costa Rica", CU: "Cuba", CW: "Curacao", DM: "Dominica",
      DO: "Dominican Republic", SV: "El Salvador", GL: "Greenland", GD: "Grenada", GP: "Guadeloupe",
      GT: "Guatemala", HT: "Haiti", HN: "Honduras", JM: "Jamaica", MQ: "Martinique", MX: "Mexico",
      MS: "Montserrat", AN: "Netherlands Antilles", NI: "Nicaragua", PA: "Panama",
      PR: "Puerto Rico", BL: "Saint Barthelemy", KN: "Saint Kitts And Nevis", LC: "Saint Lucia",
      MF: "Saint Martin", PM: "Saint Pierre And Miquelon", VC: "Saint Vincent And The Grenadines",
      SX: "Sint Maarten", TT: "Trinidad And Tobago", TC: "Turks And Caicos Islands",
      US: "United States", UM: "United States Minor Outlying Islands",
      VG: "Virgin Islands, British", VI: "Virgin Islands, U.S.",
    },
  },
  oceania: {
    name: "Oceania",
    sub_area: {
      AS: "American Samoa", AP: "Asia Pacific", AU: "Australia", CK: "Cook Islands", FJ: "Fiji",
      PF: "French Polynesia", GU: "Guam", KI: "Kiribati", MH: "Marshall Islands",
      FM: "Micronesia, Federated States Of", NR: "Nauru", NC: "New Caledonia", NZ: "New Zealand",
      NU: "Niue", NF: "Norfolk Island", MP: "Northern Mariana Islands", PW: "Palau",
      PG: "Papua New Guinea", PN: "Pitcairn", WS: "Samoa", SB: "Solomon Islands", TK: "Tokelau",
      TO: "Tonga", TV: "Tuvalu", VU: "Vanuatu", WF: "Wallis And Futuna Islands",
    },
  },
  south_america: {
    name: "South American",
    sub_area: {
      AR: "Argentina", BO: "Bolivia", BR: "Brazil", CL: "Chile", CO: "Colombia", EC: "Ecuador",
      FK: "Falkland Islands (Malvinas)", GF: "French Guiana", GY: "Guyana", PY: "Paraguay",
      PE: "Peru", SR: "Suriname", UY: "Uruguay", VE: "Venezuela",
    },
  },
  search_engine: {
    name: "Search Engine",
    sub_area: {
      search_engine: "Search Engine",
    },
  },
};

const keyToName = new Map<string, string>();
const nameToKey = new Map<string, string>();
for (const area of Object.values(INTL_LINES)) {
  for (const [key, name] of Object.entries(area.sub_area)) {
    keyToName.set(key, name);
    nameToKey.set(name, key);
  }
}

/** The name reads show for an international key ("US" → "United States"). */
export const intlLineName = (key: string): string | undefined => keyToName.get(key);

/** Whether `key` is a valid `record_line` on api.dnspod.com. */
export const isIntlLineKey = (key: string): boolean => keyToName.has(key);

/** A key from a key or a name, as clients filter Record.List with either ("United States" → "US"). */
export const intlLineKey = (keyOrName: string): string | undefined =>
  keyToName.has(keyOrName) ? keyOrName : nameToKey.get(keyOrName);
