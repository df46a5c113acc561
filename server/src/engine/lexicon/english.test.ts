import { strict as assert } from 'node:assert';
import { tokenize, TokenReader } from './english';

describe('TokenReader: the words of a text, read as asked for', () => {
  const text = "Shop now — industry-leading deals at https://shop.example/buy-now! Don’t wait: it's 50% off.\n".repeat(200);

  it('gives the tokens tokenize lists, joins settled, while releasing those behind it', () => {
    const all = tokenize(text);
    const reader = new TokenReader(text);
    for (let i = 0; i < all.length; i++) {
      // A lookup looks a few words ahead before moving on.
      assert.deepEqual(reader.at(i + 2), all[i + 2]);
      assert.deepEqual(reader.at(i), all[i]);
      reader.release(i);
    }
    assert.equal(reader.at(all.length), undefined);
  });

  it('reads words, inner apostrophes and one hyphen as tokenize always has, and skips links', () => {
    const words = tokenize("Don’t miss industry-leading deals at www.shop.example/now -- or call us");
    assert.deepEqual(
      words.map((t) => [t.word, t.joinsNext]),
      [["don't", true], ['miss', true], ['industry', true], ['leading', true], ['deals', true], ['at', false], ['or', true], ['call', true], ['us', false]],
    );
  });
});
