using System;
using System.Collections.Generic;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>
    /// The "field = value" conditions of one session, each parsed once. LiteDB parses an expression each time one is
    /// created, which is about a third of a lookup by an index; a batch of a thousand items makes thousands of lookups.
    /// </summary>
    /// <remarks>
    /// <see cref="Equal"/> gives the field's one expression its new value, so the query that takes it must run at once
    /// (FindOne, Exists, a list), before the next lookup on the same field. A query enumerated later, or two at once on
    /// one field, takes an expression of its own (<see cref="LiteDbSession"/>.Equal).
    /// </remarks>
    internal sealed class Lookups
    {
        private readonly Dictionary<string, BsonExpression> _parsed = new Dictionary<string, BsonExpression>(StringComparer.Ordinal);

        internal BsonExpression Equal(string field, BsonValue value)
        {
            if (!_parsed.TryGetValue(field, out var expression))
                _parsed[field] = expression = BsonExpression.Create("$." + field + " = @0", value);
            else
                expression.Parameters["0"] = value;
            return expression;
        }
    }
}
