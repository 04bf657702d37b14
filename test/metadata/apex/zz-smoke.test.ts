import { test } from 'vitest';
import { parseApexClass, parseApexTrigger } from '../../../src/metadata/apex/index.js';

test('smoke', () => {
  for (const text of [
    `public class Broken {\n  public void m() {\n    Integer x = ;\n  }\n}`,
    `public class Broken2 {\n  public void m() {\n    insert acc\n  }\n}`,
    `public class Café {\n  static Boolean déjàVu = false;\n  public void naïve(String straße) { if (déjàVu) { Account 口座 = new Account(Name = 'é'); insert 口座; } }\n}`,
    `public interface IService { void run(List<Account> accs); Integer count(); }`,
    `public enum Color { RED, GREEN }`,
    `@IsTest\nprivate class T { @IsTest static void t() { Test.startTest(); insert new Account(Name='x'); Test.stopTest(); } }`,
    `public class P {\n static { cache = [SELECT Id FROM User LIMIT 1]; }\n public static List<User> cache;\n public Integer n { get { if (n == null) { n = [SELECT COUNT() FROM Account]; } return n; } set { n = value; update new Account(Id = null); } }\n}`,
  ]) {
    try {
      const m = parseApexClass({ file: 'x.cls', fullName: 'x', text });
      console.log(JSON.stringify(m));
    } catch (e) {
      console.log('THROW', (e as Error).message);
    }
  }
});
