/*
 * Capitals that are not shouting. A word in capitals counts as shouting only when it is not an acronym,
 * code or brand below, has no digit, and is either five letters or longer or one of the short everyday
 * words in SHORT_WORDS ("DO NOT", "YOU", "NOW"). Short unknown capitals ("RMA", "SKU", "ETA") are taken for
 * acronyms, because a false alarm on a reference code is worse than missing a shouted three-letter word.
 */

/** Acronyms, codes and brands of five letters or more, or short ones that are also English words. */
export const ACRONYMS: ReadonlySet<string> = new Set([
  // Shipping and commerce
  'USPS', 'FEDEX', 'EVRI', 'HERMES', 'ROYAL', 'PARCELFORCE', 'AMAZON', 'EBAY', 'PAYPAL', 'KLARNA', 'AFTERPAY',
  'IKEA', 'COVID', 'ZARA', 'ASOS', 'LEGO', 'NIKE', 'ADIDAS', 'GEICO', 'AT&T', 'SKU', 'SKUS', 'RMA', 'ETA', 'COD', 'VAT', 'GST',
  // Tech and accounts
  'HTTPS', 'HTTP', 'HTML', 'JSON', 'HDMI', 'WIFI', 'WI-FI', 'VPN', 'LED', 'LCD', 'OLED', 'QLED', 'IMEI', 'SIM', 'ESIM', 'NFC',
  'SSID', 'DNS', 'ISP', 'ADSL', 'VDSL', 'FTTP', 'GPS', 'API', 'URL', 'PIN', 'OTP', 'SMS', 'MMS', 'USB', 'USBC',
  'PDF', 'CSV', 'FAQ', 'FAQS', 'IOS', 'MACOS', 'ANDROID', 'WINDOWS', 'PS5', 'XBOX',
  // Organisations and places
  'USA', 'UK', 'EU', 'UAE', 'NYC', 'NHS', 'IRS', 'HMRC', 'GDPR', 'CCPA', 'NASA', 'FIFA', 'UEFA', 'NATO', 'UNICEF',
  // Everyday short forms that look like words
  'IT', 'US', 'OK', 'ID', 'TV', 'PC', 'HR', 'AM', 'PM', 'DM', 'DMS', 'ASAP', 'FYI', 'CEO', 'CTO', 'CFO', 'EST', 'PST', 'GMT', 'UTC', 'BST', 'CET',
]);

/** Everyday words of four letters or fewer that are shouted when written in capitals. */
export const SHORT_WORDS: ReadonlySet<string> = new Set([
  'DO', 'NOT', 'NO', 'YOU', 'YOUR', 'WE', 'OUR', 'THE', 'AND', 'BUT', 'IS', 'ARE', 'WAS', 'NOW', 'WILL', 'CAN',
  'ALL', 'WHY', 'HOW', 'WHAT', 'STOP', 'THIS', 'THAT', 'MUST', 'HAVE', 'READ', 'JUST', 'VERY', 'ONLY', 'EVER',
  'NEED', 'WANT', 'DONT', "DON'T", "CAN'T", 'CANT', "WON'T", 'WONT', 'HAS', 'HAD', 'BEEN', 'BE', 'TO', 'OF', 'IN',
  'ON', 'FOR', 'IF', 'OR', 'SO', 'MY', 'ME', 'HE', 'SHE', 'THEY', 'THEM', 'YES', 'SURE', 'FREE', 'LATE',
  'SENT', 'SEND', 'CALL', 'WAIT', 'DAYS', 'DAY', 'TIME', 'ONCE', 'AGAIN', 'BACK', 'HERE', 'WITH', 'FROM',
]);
