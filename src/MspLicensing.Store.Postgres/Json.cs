using System;
using System.Globalization;
using System.Text;
using LiteDB;
using Npgsql;
using NpgsqlTypes;

namespace MspLicensing.Store
{
    /// <summary>Documents as jsonb: the file store's mapper, written as LiteDB's extended JSON ({"$guid": …}, {"$numberLong": …}).</summary>
    internal static class Json
    {
        internal static BsonDocument ToDocument<T>(T item) => Mapping.ToDocument(item);

        internal static T ToObject<T>(BsonDocument doc) => Mapping.ToObject<T>(doc);

        internal static string Write(BsonDocument doc) => LiteDB.JsonSerializer.Serialize(doc);

        /// <summary>
        /// The document of <paramref name="json"/>, as LiteDB's reader reads it. The documents the store writes (objects,
        /// arrays, strings, numbers, true, false, null, {"$guid": …}, {"$numberLong": …}, {"$numberDecimal": …}) are read
        /// by <see cref="Reader"/>, several times faster; any other text goes to LiteDB's reader.
        /// </summary>
        internal static BsonDocument Read(string json) => Reader.TryRead(json) ?? LiteDB.JsonSerializer.Deserialize(json).AsDocument;

        /// <summary>
        /// Reads the JSON the store writes into the values LiteDB's reader makes of it (an integer is an Int32 when it fits,
        /// else an Int64; a number with a point or an exponent a Double; an object whose first key is $guid, $numberLong
        /// or $numberDecimal that value). It gives up (null) on anything else, which LiteDB's reader then reads.
        /// </summary>
        private sealed class Reader
        {
            private readonly string _text;
            private readonly StringBuilder _buffer = new StringBuilder();
            private int _at;

            private Reader(string text)
            {
                _text = text;
            }

            internal static BsonDocument TryRead(string json)
            {
                if (json == null) return null;
                var reader = new Reader(json);
                if (!reader.Value(out var value) || !value.IsDocument) return null;
                reader.Space();
                return reader._at == json.Length ? value.AsDocument : null;
            }

            private void Space()
            {
                while (_at < _text.Length && (_text[_at] == ' ' || _text[_at] == '\n' || _text[_at] == '\r' || _text[_at] == '\t')) _at++;
            }

            private bool Next(char expected)
            {
                Space();
                if (_at >= _text.Length || _text[_at] != expected) return false;
                _at++;
                return true;
            }

            private bool Value(out BsonValue value)
            {
                value = null;
                Space();
                if (_at >= _text.Length) return false;
                char c = _text[_at];
                switch (c)
                {
                    case '{':
                        return Object(out value);
                    case '[':
                        return Array(out value);
                    case '"':
                        if (!String(out string text)) return false;
                        value = new BsonValue(text);
                        return true;
                    case 't':
                        return Word("true", true, out value);
                    case 'f':
                        return Word("false", false, out value);
                    case 'n':
                        return Word("null", BsonValue.Null, out value);
                    default:
                        return (c == '-' || (c >= '0' && c <= '9')) && Number(out value);
                }
            }

            private bool Word(string word, BsonValue meaning, out BsonValue value)
            {
                value = null;
                if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0) return false;
                int end = _at + word.Length;
                if (end < _text.Length && char.IsLetterOrDigit(_text[end])) return false;
                _at = end;
                value = meaning;
                return true;
            }

            private bool Number(out BsonValue value)
            {
                value = null;
                int start = _at;
                bool fraction = false;
                if (_text[_at] == '-') _at++;
                while (_at < _text.Length)
                {
                    char c = _text[_at];
                    if (c >= '0' && c <= '9') _at++;
                    else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')
                    {
                        fraction = true;
                        _at++;
                    }
                    else break;
                }
                string number = _text.Substring(start, _at - start);
                if (fraction)
                {
                    // A negative zero, and numbers past a Double, are left to LiteDB's reader.
                    if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || d == 0 && number[0] == '-' || double.IsInfinity(d)) return false;
                    value = new BsonValue(d);
                    return true;
                }
                if (int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i)) value = new BsonValue(i);
                else if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) value = new BsonValue(l);
                else return false;
                return true;
            }

            private bool String(out string text)
            {
                text = null;
                if (_text[_at] != '"') return false;
                int start = ++_at;
                // Most strings have no escapes: they are cut out of the text as they are.
                while (_at < _text.Length && _text[_at] != '"' && _text[_at] != '\\') _at++;
                if (_at >= _text.Length) return false;
                if (_text[_at] == '"')
                {
                    text = _text.Substring(start, _at++ - start);
                    return true;
                }
                _buffer.Clear();
                _buffer.Append(_text, start, _at - start);
                while (_at < _text.Length)
                {
                    char c = _text[_at++];
                    if (c == '"')
                    {
                        text = _buffer.ToString();
                        return true;
                    }
                    if (c != '\\')
                    {
                        _buffer.Append(c);
                        continue;
                    }
                    if (_at >= _text.Length) return false;
                    char e = _text[_at++];
                    switch (e)
                    {
                        case '"': _buffer.Append('"'); break;
                        case '\\': _buffer.Append('\\'); break;
                        case '/': _buffer.Append('/'); break;
                        case 'b': _buffer.Append('\b'); break;
                        case 'f': _buffer.Append('\f'); break;
                        case 'n': _buffer.Append('\n'); break;
                        case 'r': _buffer.Append('\r'); break;
                        case 't': _buffer.Append('\t'); break;
                        case 'u':
                            if (_at + 4 > _text.Length || !int.TryParse(_text.Substring(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)) return false;
                            _buffer.Append((char)code);
                            _at += 4;
                            break;
                        default:
                            return false;
                    }
                }
                return false;
            }

            private bool Array(out BsonValue value)
            {
                value = null;
                _at++;
                var array = new BsonArray();
                if (Next(']'))
                {
                    value = array;
                    return true;
                }
                while (true)
                {
                    if (!Value(out var item)) return false;
                    array.Add(item);
                    if (Next(',')) continue;
                    if (!Next(']')) return false;
                    value = array;
                    return true;
                }
            }

            private bool Object(out BsonValue value)
            {
                value = null;
                _at++;
                var doc = new BsonDocument();
                if (Next('}'))
                {
                    value = doc;
                    return true;
                }
                while (true)
                {
                    Space();
                    if (_at >= _text.Length || !String(out string key) || key.Length == 0 || !Next(':')) return false;
                    if (key[0] == '$')
                    {
                        // LiteDB's extended types: the only key of their object, with a text value.
                        if (doc.Count > 0) return false;
                        Space();
                        if (_at >= _text.Length || !String(out string text) || !Next('}')) return false;
                        return Extended(key, text, out value);
                    }
                    if (!Value(out var field)) return false;
                    doc[key] = field;
                    if (Next(',')) continue;
                    if (!Next('}')) return false;
                    value = doc;
                    return true;
                }
            }

            private static bool Extended(string key, string text, out BsonValue value)
            {
                value = null;
                switch (key)
                {
                    case "$guid":
                        if (!Guid.TryParse(text, out var guid)) return false;
                        value = new BsonValue(guid);
                        return true;
                    case "$numberLong":
                        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number)) return false;
                        value = new BsonValue(number);
                        return true;
                    case "$numberDecimal":
                        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d)) return false;
                        value = new BsonValue(d);
                        return true;
                    default:
                        return false;
                }
            }
        }
    }
}
