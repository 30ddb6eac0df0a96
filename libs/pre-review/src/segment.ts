import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | null = null;

/** A word of a clause as the segmenter cut it, with its offset in the clause. */
export interface Token {
  word: string;
  start: number;
}

/**
 * The words of a text by @node-rs/jieba's precise mode (its packaged dictionary, HMM on), with their offsets. The rules
 * match words, not characters: "没收入" is 没 | 收入 and never a confiscation, "收取垃圾处理费" is 收取 | 垃圾处理 | 费.
 */
export function tokens(text: string): Token[] {
  jieba ??= Jieba.withDict(dict);
  let at = 0;
  return jieba.cut(text, true).map((word) => {
    const start = text.indexOf(word, at);
    at = start < 0 ? at : start + word.length;
    return { word, start: start < 0 ? at : start };
  });
}
