import { describe, expect, it } from 'vitest';
import { collatorFor, compareCells, foldForSearch } from '../../shared/kernel/collate';

describe('sorting by the language', () => {
  it('Hungarian: cs after every c, zs after z', () => {
    const names = ['Csizmadia', 'Cukor', 'Czakó', 'Zsolnay', 'Zoltán', 'Cserép'];
    expect([...names].sort(collatorFor('hu-HU').compare)).toEqual(['Cukor', 'Czakó', 'Cserép', 'Csizmadia', 'Zoltán', 'Zsolnay']);
    // Code-unit order, what a plain sort gives, puts "Cs" before "Cu": the collation is what changes it.
    expect([...names].sort()).not.toEqual([...names].sort(collatorFor('hu-HU').compare));
  });

  it('Lithuanian: y sorts as i (by the letters after it), before j', () => {
    const names = ['Jonaitis', 'Ylakis', 'Ivanauskas', 'Kazlauskas'];
    expect([...names].sort(collatorFor('lt-LT').compare)).toEqual(['Ylakis', 'Ivanauskas', 'Jonaitis', 'Kazlauskas']);
    expect([...names].sort()).toEqual(['Ivanauskas', 'Jonaitis', 'Kazlauskas', 'Ylakis']);
  });

  it('Thai: by consonant, not by the leading vowel sign', () => {
    // เก (leading vowel เ before ก) sorts under ก, before ข.
    const names = ['ขนม', 'เกษตร', 'กรุงเทพ', 'คุณ'];
    expect([...names].sort(collatorFor('th-TH').compare)).toEqual(['กรุงเทพ', 'เกษตร', 'ขนม', 'คุณ']);
    expect([...names].sort()).not.toEqual(['กรุงเทพ', 'เกษตร', 'ขนม', 'คุณ']);
  });

  it('numbers as numbers, digits in text numerically, empty cells last', () => {
    expect([10, 9, 100].sort((a, b) => compareCells('en-GB', a, b))).toEqual([9, 10, 100]);
    expect(['Client 10', 'Client 9'].sort((a, b) => compareCells('en-GB', a, b))).toEqual(['Client 9', 'Client 10']);
    expect(['b', null, 'a', ''].sort((a, b) => compareCells('en-GB', a, b))).toEqual(['a', 'b', null, '']);
  });
});

describe('search without accents', () => {
  it('folds Latin and Cyrillic accents and case', () => {
    expect(foldForSearch('Kovács Ödön')).toBe('kovacs odon');
    expect(foldForSearch('Žemaitė Šarūnas')).toBe('zemaite sarunas');
    expect(foldForSearch('Ёжик')).toBe('ежик');
    expect(foldForSearch('Kovács').includes(foldForSearch('kovacs'))).toBe(true);
  });

  it('keeps Thai vowel and tone marks: they are part of the word', () => {
    expect(foldForSearch('น้ำ')).toBe('น้ำ');
    expect(foldForSearch('ไม้')).not.toBe(foldForSearch('ไม'));
  });
});
