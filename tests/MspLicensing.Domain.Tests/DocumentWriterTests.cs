using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LiteDB;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>
    /// The hand-written document writers (Writers) against the mapper they stand in for: the same document, field for
    /// field and in the same order, for an item with every property set and for one with none set. A property added to
    /// a type fails here until its writer writes it as the mapper does.
    /// </summary>
    public class DocumentWriterTests
    {
        public static IEnumerable<object[]> Types() => new[] { typeof(License), typeof(Subscription), typeof(AuditEntry) }.Select(t => new object[] { t });

        [Theory]
        [MemberData(nameof(Types))]
        public void A_hand_written_writer_writes_the_document_the_mapper_writes(Type type)
        {
            var write = Writers.For(type);
            Assert.NotNull(write);
            foreach (var item in new[] { Activator.CreateInstance(type), Filled(type, 1), Filled(type, 2) })
            {
                var mapper = (BsonDocument)typeof(Mapping).GetMethod(nameof(Mapping.MapperDocument), BindingFlags.NonPublic | BindingFlags.Static)
                    .MakeGenericMethod(type).Invoke(null, new[] { item });
                var written = (BsonDocument)write.DynamicInvoke(item);
                Assert.Equal(JsonSerializer.Serialize(mapper), JsonSerializer.Serialize(written));
                // Mapping.ToDocument takes the writer.
                var mapped = (BsonDocument)typeof(Mapping).GetMethod(nameof(Mapping.ToDocument), BindingFlags.NonPublic | BindingFlags.Static)
                    .MakeGenericMethod(type).Invoke(null, new[] { item });
                Assert.Equal(JsonSerializer.Serialize(written), JsonSerializer.Serialize(mapped));
            }
        }

        [Fact]
        public void Types_without_a_hand_written_writer_are_written_by_the_mapper()
        {
            Assert.Null(Writers.For(typeof(Customer)));
            var customer = new Customer { CustomerId = Guid.NewGuid(), Name = "Contoso" };
            Assert.Equal(JsonSerializer.Serialize(Mapping.MapperDocument(customer)), JsonSerializer.Serialize(Mapping.ToDocument(customer)));
        }

        /// <summary>
        /// An item with every settable property given a value that is not its default (<paramref name="variant"/> 2: text
        /// with spaces around it and empty text, which the mapper keeps as they are). A property of a type this does not
        /// know fails the test, so that a new kind of property is looked at here and in the writer.
        /// </summary>
        private static object Filled(Type type, int variant)
        {
            var item = Activator.CreateInstance(type);
            foreach (var p in type.GetProperties().Where(p => p.CanWrite))
                p.SetValue(item, Value(type.Name + "." + p.Name, p.PropertyType, variant));
            return item;
        }

        private static object Value(string property, Type type, int variant)
        {
            var inner = Nullable.GetUnderlyingType(type) ?? type;
            if (inner == typeof(string)) return variant == 1 ? property : property.EndsWith("Summary") ? string.Empty : "  " + property + " ";
            if (inner == typeof(Guid)) return Guid.NewGuid();
            if (inner == typeof(int)) return 7 + variant;
            if (inner == typeof(long)) return 5L + variant;
            if (inner == typeof(bool)) return true;
            if (inner == typeof(DateTime)) return variant == 1 ? new DateTime(2026, 3, 4) : new DateTime(2026, 3, 4, 13, 45, 30, 123);
            if (inner.IsEnum) return Enum.GetValues(inner).Cast<object>().Last();
            if (inner == typeof(TextList<SeatChange>))
                return new TextList<SeatChange> { new SeatChange { Date = new DateTime(2026, 1, 2), Seats = 3 }, new SeatChange { Date = new DateTime(2026, 2, 2, 8, 0, 0), Seats = 0 } };
            if (inner == typeof(TextList<UsedCount>)) return new TextList<UsedCount> { new UsedCount { Date = new DateTime(2026, 3, 3), Used = 2 } };
            if (inner == typeof(TextList<LicensePlacement>))
                return new TextList<LicensePlacement>
                {
                    (LicensePlacement)Filled(typeof(LicensePlacement), variant),
                    new LicensePlacement { From = new DateTime(2026, 5, 6) },
                };
            throw new InvalidOperationException($"{property} is a {type.Name}: give it a value here and see that its writer writes it as the mapper does.");
        }
    }
}
