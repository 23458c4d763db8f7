/**
 * DNSPod International resolution lines, verbatim from the vendor's `Record.Line` answer for the
 * free grade (https://docs.dnspod.com/api-legacy/ → "Get All the Lines Allowed for a Domain Grade").
 *
 * Writes (`Record.Create`/`Record.Modify`) take a sub-area *key* (`default`, `US`, `search_engine`);
 * reads (`Record.List`/`Record.Info`) return its *display name* (`Default`, `United States`), and the
 * China API returns `默认` for the default line. The provider maps both ways with this table so that
 * a key written and a name read back compare equal; dnsapi.cn's lines are in lines-cn.ts, and the
 * emulator keeps its own copies of both (test/unit/dnspod-lines.test.ts compares them).
 */

export interface DnspodLineArea {
  /** Display name of the area (a grouping only; areas are not valid `record_line` values). */
  name: string;
  /** Sub-area key → display name. The keys are the valid `record_line` values. */
  sub_area: Record<string, string>;
}

/** The key of the line every record defaults to. */
export const DEFAULT_LINE_KEY = "default";

/** Display names the vendor uses for the default line: international API, then China API. */
const DEFAULT_LINE_NAMES: readonly string[] = ["Default", "默认"];

export const DNSPOD_LINES: Record<string, DnspodLineArea> = {
  default: {
    name: "Default",
    sub_area: {
      default: "Default",
    },
  },
  africa: {
    name: "Africa",
    sub_area: {
      DZ: "Algeria",
      AO: "Angola",
      BJ: "Benin",
      BW: "Botswana",
      BF: "Burkina Faso",
      BI: "Burundi",
      CM: "Cameroon",
      CV: "Cape Verde",
      CF: "Central Africa",
      TD: "Chad",
      KM: "Comoros",
      CG: "Congo - Brazzaville",
      CD: "Congo, The Democratic Republic Of The",
      CI: "Cote D'Ivoire",
      DJ: "Djibouti",
      EG: "Egypt",
      GQ: "Equatorial Guinea",
      ER: "Eritrea",
      ET: "Ethiopia",
      GA: "Gabon",
      GM: "Gambia",
      GH: "Ghana",
      GN: "Guinea",
      GW: "Guinea-Bissau",
      KE: "Kenya",
      LS: "Lesotho",
      LR: "Liberia",
      LY: "Libya",
      MG: "Madagascar",
      MW: "Malawi",
      ML: "Mali",
      MR: "Mauritania",
      MU: "Mauritius",
      YT: "Mayotte",
      MA: "Morocco",
      MZ: "Mozambique",
      NA: "Namibia",
      NE: "Niger",
      NG: "Nigeria",
      RE: "Reunion",
      RW: "Rwanda",
      SH: "Saint Helena",
      ST: "Sao Tome And Principe",
      SN: "Senegal",
      SC: "Seychelles",
      SL: "Sierra Leone",
      SO: "Somalia",
      ZA: "South Africa",
      SD: "Sudan",
      SZ: "Swaziland",
      TZ: "Tanzania",
      TG: "Togo",
      TN: "Tunisia",
      UG: "Uganda",
      EH: "Western Sahara",
      ZM: "Zambia",
      ZW: "Zimbabwe",
    },
  },
  antartica: {
    name: "Antartica",
    sub_area: {
      AQ: "Antarctica",
      BV: "Bouvet Island",
      TF: "French Southern Territories",
      HM: "Heard And Mc Donald Islands",
      GS: "South Georgia And The South Sandwich Islands",
    },
  },
  asia: {
    name: "Asia",
    sub_area: {
      AF: "Afghanistan",
      AM: "Armenia",
      AZ: "Azerbaijan",
      BH: "Bahrain",
      BD: "Bangladesh",
      BT: "Bhutan",
      IO: "British Indian Ocean Territory",
      BN: "Brunei Darussalam",
      KH: "Cambodia",
      CN: "China",
      CX: "Christmas Island",
      CC: "Cocos (Keeling) Islands",
      CY: "Cyprus",
      GE: "Georgia",
      HK: "Hong Kong",
      IN: "India",
      ID: "Indonesia",
      IR: "Iran, Islamic Republic Of",
      IQ: "Iraq",
      IL: "Israel",
      JP: "Japan",
      JO: "Jordan",
      KZ: "Kazakhstan",
      KP: "North Korea",
      KR: "Korea",
      KW: "Kuwait",
      KG: "Kyrgyzstan",
      LA: "Lao",
      LB: "Lebanon",
      MO: "Macao",
      MY: "Malaysia",
      MV: "Maldives",
      MN: "Mongolia",
      MM: "Myanmar",
      NP: "Nepal",
      OM: "Oman",
      PK: "Pakistan",
      PS: "Palestinian Territory",
      PH: "Philippines",
      QA: "Qatar",
      SA: "Saudi Arabia",
      SG: "Singapore",
      LK: "Sri Lanka",
      SY: "Syria",
      TW: "Taiwan",
      TJ: "Tajikistan",
      TH: "Thailand",
      TL: "Timor-Leste",
      TR: "Turkey",
      TM: "Turkmenistan",
      AE: "United Arab Emirates",
      UZ: "Uzbekistan",
      VN: "Viet Nam",
      YE: "Yemen",
    },
  },
  europe: {
    name: "Europe",
    sub_area: {
      AX: "Aland Islands",
      AL: "Albania",
      AD: "Andorra",
      AT: "Austria",
      BY: "Belarus",
      BE: "Belgium",
      BA: "Bosnia And Herzegovina",
      BG: "Bulgaria",
      HR: "Croatia",
      CZ: "Czech",
      DK: "Denmark",
      EE: "Estonia",
      EU: "European Union",
      FO: "Faroe Islands",
      FI: "Finland",
      FR: "France",
      DE: "Germany",
      GI: "Gibraltar",
      GR: "Greece",
      GG: "Guernsey",
      VA: "Holy See",
      HU: "Hungary",
      IS: "Iceland",
      IE: "Ireland",
      IM: "Isle Of Man",
      IT: "Italy",
      JE: "Jersey",
      CS: "Kosovo",
      LV: "Latvia",
      LI: "Liechtenstein",
      LT: "Lithuania",
      LU: "Luxembourg",
      MK: "Macedonia",
      MT: "Malta",
      MD: "Moldova",
      MC: "Monaco",
      ME: "Montenegro",
      NL: "Netherlands",
      NO: "Norway",
      PL: "Poland",
      PT: "Portugal",
      RO: "Romania",
      RU: "Russia",
      SM: "San Marino",
      RS: "Serbia",
      SK: "Slovakia",
      SI: "Slovenia",
      ES: "Spain",
      SJ: "Svalbard & Jan Mayen Islands",
      SE: "Sweden",
      CH: "Switzerland",
      UA: "Ukraine",
      GB: "United Kingdom",
    },
  },
  north_america: {
    name: "North America",
    sub_area: {
      AI: "Anguilla",
      AG: "Antigua And Barbuda",
      AW: "Aruba",
      BS: "Bahamas",
      BB: "Barbados",
      BZ: "Belize",
      BM: "Bermuda",
      BQ: "Bonaire, Saint Eustatius And Saba",
      CA: "Canada",
      KY: "Cayman Islands",
      CR: "Costa Rica",
      CU: "Cuba",
      CW: "Curacao",
      DM: "Dominica",
      DO: "Dominican Republic",
      SV: "El Salvador",
      GL: "Greenland",
      GD: "Grenada",
      GP: "Guadeloupe",
      GT: "Guatemala",
      HT: "Haiti",
      HN: "Honduras",
      JM: "Jamaica",
      MQ: "Martinique",
      MX: "Mexico",
      MS: "Montserrat",
      AN: "Netherlands Antilles",
      NI: "Nicaragua",
      PA: "Panama",
      PR: "Puerto Rico",
      BL: "Saint Barthelemy",
      KN: "Saint Kitts And Nevis",
      LC: "Saint Lucia",
      MF: "Saint Martin",
      PM: "Saint Pierre And Miquelon",
      VC: "Saint Vincent And The Grenadines",
      SX: "Sint Maarten",
      TT: "Trinidad And Tobago",
      TC: "Turks And Caicos Islands",
      US: "United States",
      UM: "United States Minor Outlying Islands",
      VG: "Virgin Islands, British",
      VI: "Virgin Islands, U.S.",
    },
  },
  oceania: {
    name: "Oceania",
    sub_area: {
      AS: "American Samoa",
      AP: "Asia Pacific",
      AU: "Australia",
      CK: "Cook Islands",
      FJ: "Fiji",
      PF: "French Polynesia",
      GU: "Guam",
      KI: "Kiribati",
      MH: "Marshall Islands",
      FM: "Micronesia, Federated States Of",
      NR: "Nauru",
      NC: "New Caledonia",
      NZ: "New Zealand",
      NU: "Niue",
      NF: "Norfolk Island",
      MP: "Northern Mariana Islands",
      PW: "Palau",
      PG: "Papua New Guinea",
      PN: "Pitcairn",
      WS: "Samoa",
      SB: "Solomon Islands",
      TK: "Tokelau",
      TO: "Tonga",
      TV: "Tuvalu",
      VU: "Vanuatu",
      WF: "Wallis And Futuna Islands",
    },
  },
  south_america: {
    name: "South American",
    sub_area: {
      AR: "Argentina",
      BO: "Bolivia",
      BR: "Brazil",
      CL: "Chile",
      CO: "Colombia",
      EC: "Ecuador",
      FK: "Falkland Islands (Malvinas)",
      GF: "French Guiana",
      GY: "Guyana",
      PY: "Paraguay",
      PE: "Peru",
      SR: "Suriname",
      UY: "Uruguay",
      VE: "Venezuela",
    },
  },
  search_engine: {
    name: "Search Engine",
    sub_area: {
      search_engine: "Search Engine",
    },
  },
};

let keyToName: Map<string, string> | undefined;
let nameToKey: Map<string, string> | undefined;

/** Built lazily once: the table is static, and ~250 entries make linear scans per record wasteful. */
function indexes(): { keyToName: Map<string, string>; nameToKey: Map<string, string> } {
  if (!keyToName || !nameToKey) {
    keyToName = new Map();
    nameToKey = new Map();
    for (const area of Object.values(DNSPOD_LINES)) {
      for (const [key, name] of Object.entries(area.sub_area)) {
        keyToName.set(key, name);
        nameToKey.set(name, key);
      }
    }
    for (const name of DEFAULT_LINE_NAMES) nameToKey.set(name, DEFAULT_LINE_KEY);
  }
  return { keyToName, nameToKey };
}

/** Every valid `record_line` key, e.g. "default", "DZ", "search_engine". */
export function lineKeys(): Set<string> {
  return new Set(indexes().keyToName.keys());
}

/** The display name the API returns for a line key ("US" → "United States"), undefined if unknown. */
export function lineDisplayName(key: string): string | undefined {
  return indexes().keyToName.get(key);
}

/**
 * The key for a value read back from the API: a display name ("United States" → "US",
 * "Default"/"默认" → "default") or a key already (returned as is). Unknown → undefined.
 * Keys are checked first because no key is also some other line's display name.
 */
export function lineKeyFromDisplay(nameOrKey: string): string | undefined {
  const { keyToName: byKey, nameToKey: byName } = indexes();
  if (byKey.has(nameOrKey)) return nameOrKey;
  return byName.get(nameOrKey);
}
