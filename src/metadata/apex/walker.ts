/**
 * The one walk over a code block. It keeps the scope (locals by block), the loop depth and whether it
 * is inside a condition, and hands each interesting node to its extractor (DML, SOQL, calls, field
 * assignments, guards). The walk visits every node once; an extractor only reads the small subtree
 * of the node it is handed (a receiver chain, a query), never the block again.
 */
import {
  ApexParser,
  AssignExpressionContext,
  CastExpressionContext,
  CondExpressionContext,
  DotExpressionContext,
  IdPrimaryContext,
  MethodCallExpressionContext,
  NewExpressionContext,
  PrimaryExpressionContext,
  SoqlPrimaryContext,
  SoslPrimaryContext,
  type ApexParseTree,
  type ApexParserRuleContext,
  type CatchClauseContext,
  type DoWhileStatementContext,
  type ExpressionContext,
  type FieldDeclarationContext,
  type ForStatementContext,
  type FormalParametersContext,
  type IfStatementContext,
  type LocalVariableDeclarationContext,
  type SwitchStatementContext,
  type WhileStatementContext,
} from '@apexdevtools/apex-parser';
import type { ApexDmlOperation } from '../model.js';
import { recordDotCall, recordUnqualifiedCall } from './calls.js';
import type { WalkContext } from './context.js';
import { recordDml } from './dml.js';
import { recordAssignment, recordSObjectConstructor } from './field-assignments.js';
import { checkQualified, checkUnqualified } from './guards.js';
import { inferType, receiverId } from './infer.js';
import { originOf } from './origins.js';
import { readSoql, readSosl, type InlineQuery } from './soql.js';
import { isRule, opt } from './syntax.js';
import { baseName, dmlSObjectType, elementType, isNonClassType, recordSObjectType, simpleType, typeFromTypeRef, UNKNOWN_SOBJECT, type TypeRef } from './types.js';

const DML_STATEMENTS = new Map<number, ApexDmlOperation>([
  [ApexParser.RULE_insertStatement, 'insert'],
  [ApexParser.RULE_updateStatement, 'update'],
  [ApexParser.RULE_upsertStatement, 'upsert'],
  [ApexParser.RULE_deleteStatement, 'delete'],
  [ApexParser.RULE_undeleteStatement, 'undelete'],
  [ApexParser.RULE_mergeStatement, 'merge'],
]);

/** Rules whose subtree is another type's code: never part of the block being walked. */
const NESTED_TYPES = new Set([
  ApexParser.RULE_classDeclaration,
  ApexParser.RULE_interfaceDeclaration,
  ApexParser.RULE_enumDeclaration,
]);

export class BlockWalker {
  public constructor(private readonly wc: WalkContext) {}

  public visit(node: ApexParseTree | null | undefined): void {
    if (!node || !isRule(node)) return;
    const rule = (node as unknown as { ruleIndex: number }).ruleIndex;
    switch (rule) {
      case ApexParser.RULE_expression:
        this.expression(node as ExpressionContext);
        return;
      case ApexParser.RULE_block:
        this.wc.scope.push();
        this.children(node);
        this.wc.scope.pop();
        return;
      case ApexParser.RULE_localVariableDeclaration:
        this.declareLocals(node as LocalVariableDeclarationContext);
        return;
      case ApexParser.RULE_forStatement:
        this.forStatement(node as ForStatementContext);
        return;
      case ApexParser.RULE_whileStatement:
        this.whileStatement(node as WhileStatementContext);
        return;
      case ApexParser.RULE_doWhileStatement:
        this.doWhileStatement(node as DoWhileStatementContext);
        return;
      case ApexParser.RULE_ifStatement:
        this.ifStatement(node as IfStatementContext);
        return;
      case ApexParser.RULE_switchStatement:
        this.switchStatement(node as SwitchStatementContext);
        return;
      case ApexParser.RULE_catchClause:
        this.catchClause(node as CatchClauseContext);
        return;
      default:
        break;
    }
    if (NESTED_TYPES.has(rule)) return;
    this.children(node);
    const operation = DML_STATEMENTS.get(rule);
    if (operation) {
      const target = opt((node as unknown as { expression(i?: number): ExpressionContext | null }).expression(0));
      recordDml(this.wc, operation, target, false, node.start.line);
    }
  }

  /** Declares method/constructor parameters in the current scope. */
  public declareParameters(params: FormalParametersContext | null): void {
    const list = params ? opt(params.formalParameterList()) : null;
    if (!list) return;
    list.formalParameter_list().forEach((param, index) => {
      const typeRef = opt(param.typeRef());
      const id = opt(param.id());
      if (typeRef && id) this.wc.scope.declare(this.wc.src.text(id), typeFromTypeRef(typeRef, this.wc.src), { kind: 'param', index });
    });
  }

  /** A trigger's top-level `List<Account> accs = ...;` parses as a field: treat it as a local. */
  public declareField(field: FieldDeclarationContext): void {
    const typeRef = opt(field.typeRef());
    const declarators = opt(field.variableDeclarators());
    if (!typeRef || !declarators) return;
    const type = typeFromTypeRef(typeRef, this.wc.src);
    for (const declarator of declarators.variableDeclarator_list()) {
      this.visit(opt(declarator.expression()));
      this.wc.scope.declare(this.wc.src.text(declarator.id()), type);
    }
  }

  private children(node: ApexParserRuleContext): void {
    const children = node.children;
    if (!children) return;
    for (const child of children) this.visit(child);
  }

  private condition(node: ApexParseTree | null): void {
    this.wc.conditionDepth++;
    this.visit(node);
    this.wc.conditionDepth--;
  }

  private loopBody(node: ApexParseTree | null): void {
    this.wc.loopDepth++;
    this.visit(node);
    this.wc.loopDepth--;
  }

  // --- statements ----------------------------------------------------------------------------

  private declareLocals(node: LocalVariableDeclarationContext): void {
    const typeRef = opt(node.typeRef());
    const declarators = opt(node.variableDeclarators());
    if (!declarators) return;
    const type = typeRef ? typeFromTypeRef(typeRef, this.wc.src) : undefined;
    for (const declarator of declarators.variableDeclarator_list()) {
      const initializer = opt(declarator.expression());
      this.visit(initializer);
      if (type) this.wc.scope.declare(this.wc.src.text(declarator.id()), type, originOf(this.wc, initializer));
    }
  }

  private forStatement(node: ForStatementContext): void {
    const control = opt(node.forControl());
    this.wc.scope.push();
    const enhanced = control ? opt(control.enhancedForControl()) : null;
    if (enhanced) {
      // The iterable is evaluated once, before the loop.
      const iterable = opt(enhanced.expression());
      this.visit(iterable);
      const typeRef = opt(enhanced.typeRef());
      const id = opt(enhanced.id());
      const declared = typeRef ? typeFromTypeRef(typeRef, this.wc.src) : undefined;
      if (declared && isConfigRecord(declared)) {
        // Custom metadata records are configuration: their number is fixed by what is deployed, not by
        // the data a transaction saves, so a loop over them does not multiply governor-limit use.
        if (id) this.wc.scope.declare(this.wc.src.text(id), declared);
        this.visit(opt(node.statement()));
        this.wc.scope.pop();
        return;
      }
      // A for-each over Apex objects (a registry of handlers): calls on the variable dispatch per object.
      const origin = declared && !isNonClassType(declared) ? { kind: 'loop' as const, depth: this.wc.loopDepth + 1 } : undefined;
      if (declared && id) this.wc.scope.declare(this.wc.src.text(id), loopVariableType(this.wc, declared, iterable), origin);
    } else if (control) {
      this.visit(opt(control.forInit()));
      this.wc.loopDepth++;
      this.visit(opt(control.expression()));
      this.visit(opt(control.forUpdate()));
      this.wc.loopDepth--;
    }
    this.loopBody(opt(node.statement()));
    this.wc.scope.pop();
  }

  private whileStatement(node: WhileStatementContext): void {
    this.wc.loopDepth++;
    this.condition(opt(node.parExpression()));
    this.visit(opt(node.statement()));
    this.wc.loopDepth--;
  }

  private doWhileStatement(node: DoWhileStatementContext): void {
    this.wc.loopDepth++;
    this.visit(opt(node.block()));
    this.condition(opt(node.parExpression()));
    this.wc.loopDepth--;
  }

  private ifStatement(node: IfStatementContext): void {
    this.condition(opt(node.parExpression()));
    for (const statement of node.statement_list()) this.visit(statement);
  }

  private switchStatement(node: SwitchStatementContext): void {
    this.visit(opt(node.expression()));
    for (const when of node.whenControl_list()) {
      const value = opt(when.whenValue());
      const typeRef = value ? opt(value.typeRef()) : null;
      const id = value ? opt(value.id()) : null;
      this.wc.scope.push();
      // `when Account a { ... }` binds a typed variable.
      if (typeRef && id) this.wc.scope.declare(this.wc.src.text(id), typeFromTypeRef(typeRef, this.wc.src));
      this.visit(opt(when.block()));
      this.wc.scope.pop();
    }
  }

  private catchClause(node: CatchClauseContext): void {
    this.wc.scope.push();
    const name = opt(node.qualifiedName());
    const id = opt(node.id());
    if (name && id) this.wc.scope.declare(this.wc.src.text(id), simpleType(this.wc.src.text(name)));
    this.visit(opt(node.block()));
    this.wc.scope.pop();
  }

  // --- expressions ---------------------------------------------------------------------------

  private expression(expr: ExpressionContext): void {
    if (expr instanceof DotExpressionContext) {
      this.dotExpression(expr);
    } else if (expr instanceof PrimaryExpressionContext) {
      this.primary(expr);
    } else if (expr instanceof MethodCallExpressionContext) {
      const call = opt(expr.methodCall());
      if (!call) return;
      this.visit(opt(call.expressionList()));
      if (!opt(call.THIS()) && !opt(call.SUPER())) recordUnqualifiedCall(this.wc, call);
    } else if (expr instanceof AssignExpressionContext) {
      this.children(expr);
      recordAssignment(this.wc, expr);
      this.reassignLocal(expr);
    } else if (expr instanceof CastExpressionContext) {
      this.children(expr);
      this.triggerCast(expr);
    } else if (expr instanceof NewExpressionContext) {
      this.children(expr);
      recordSObjectConstructor(this.wc, expr);
    } else if (expr instanceof CondExpressionContext) {
      this.condition(opt(expr.expression(0)));
      this.visit(opt(expr.expression(1)));
      this.visit(opt(expr.expression(2)));
    } else {
      this.children(expr);
    }
  }

  /** Receiver, then arguments, then the call itself: entries come out in the order they run. */
  private dotExpression(expr: DotExpressionContext): void {
    const receiver = opt(expr.expression());
    const call = opt(expr.dotMethodCall());
    const rootId = receiverId(this.wc, receiver);
    if (rootId !== undefined && !this.wc.scope.isVariable(rootId)) {
      // `Cls.member` / `Namespace.method()`: the identifier is a type, not a value read.
      const member = call ? null : opt(expr.anyId());
      if (member && this.wc.conditionDepth > 0) {
        const parent = expr.parentCtx instanceof DotExpressionContext ? expr.parentCtx : undefined;
        checkQualified(this.wc, rootId, this.wc.src.text(member), parent, expr.start.line);
      }
    } else {
      this.visit(receiver);
    }
    if (call) {
      this.visit(opt(call.expressionList()));
      recordDotCall(this.wc, expr, call);
    }
  }

  private primary(expr: PrimaryExpressionContext): void {
    const primary = opt(expr.primary());
    if (primary instanceof IdPrimaryContext) {
      if (this.wc.conditionDepth > 0) checkUnqualified(this.wc, this.wc.src.text(primary.id()), primary.start.line);
    } else if (primary instanceof SoqlPrimaryContext) {
      const literal = opt(primary.soqlLiteral());
      const query = literal ? opt(literal.query()) : null;
      if (query) this.inlineQuery(readSoql(this.wc, query, primary.start.line));
    } else if (primary instanceof SoslPrimaryContext) {
      const literal = opt(primary.soslLiteral());
      if (literal) this.inlineQuery(readSosl(this.wc, literal, primary.start.line));
    }
  }

  /** `h = new Other()`: what the local holds from here on. */
  private reassignLocal(expr: AssignExpressionContext): void {
    const id = receiverId(this.wc, opt(expr.expression(0)));
    if (id === undefined || this.wc.scope.lookup(id)?.kind !== 'local') return;
    this.wc.scope.reassign(id, opt(expr.ASSIGN()) ? originOf(this.wc, opt(expr.expression(1))) : undefined);
  }

  /** `(List<Account>) Trigger.new` in a class: the code runs only in triggers on Account. */
  private triggerCast(expr: CastExpressionContext): void {
    if (this.wc.triggerObject !== undefined) return;
    const inner = opt(expr.expression());
    if (!(inner instanceof DotExpressionContext) || opt(inner.dotMethodCall())) return;
    const root = receiverId(this.wc, opt(inner.expression()));
    const member = opt(inner.anyId());
    if (root?.toLowerCase() !== 'trigger' || this.wc.scope.isVariable(root) || !member) return;
    if (!/^(new|old|newmap|oldmap)$/i.test(this.wc.src.text(member))) return;
    const typeRef = opt(expr.typeRef());
    const type = typeRef ? typeFromTypeRef(typeRef, this.wc.src) : undefined;
    const object = type ? (/^map$/i.test(baseName(type)) ? dmlSObjectType(type.args[1]) : dmlSObjectType(type)) : UNKNOWN_SOBJECT;
    if (object === UNKNOWN_SOBJECT) return;
    const list = (this.wc.out.triggerObjects ??= []);
    if (!list.includes(object)) list.push(object);
  }

  /** Binds are evaluated before the query runs, so calls in them are recorded first. */
  private inlineQuery(query: InlineQuery): void {
    for (const bind of query.binds) this.visit(bind);
    this.wc.out.soql.push(query.entry);
  }
}

function isConfigRecord(type: TypeRef): boolean {
  return /__mdt$/i.test(recordSObjectType(type) ?? '');
}

/** `for (SObject s : Trigger.new)`: a generic loop variable takes the iterable's element type. */
function loopVariableType(wc: WalkContext, declared: TypeRef, iterable: ExpressionContext | null): TypeRef {
  if (baseName(declared) !== 'sobject' || declared.array || declared.args.length > 0) return declared;
  const element = elementType(inferType(wc, iterable));
  return element && element.args.length === 0 && !element.array ? element : declared;
}
